package dev.clp.probes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clp.model.ModelClient;
import dev.clp.probes.CallLedger.Kind;
import dev.clp.suite.Side;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What a seed passes before it is searched: the whole panel answers it right in English, its translation reads as a
 * question with as many options, and with {@code --checks} it is no near-duplicate of a known question, the
 * translation is in the target language and its back-translation keeps the right answer in place. Each seed that
 * does not pass is counted by reason. Thread-safe: the generator prepares a batch's seeds in parallel.
 */
final class SeedPreparation {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TEXT_TOKENS = BatchedCalls.TEXT_TOKENS;

    /**
     * A seed ready to search: its translation, and the translated answer's text, by which the reference matches the
     * panel's answers as published (the option at the target's answer index for the improved strategy).
     */
    record Prepared(SeedQuestion seed, Side target, String targetAnswer) {
        Prepared(SeedQuestion seed, Side target) {
            this(seed, target, target.answerText());
        }
    }

    private final GeneratorSettings s;
    private final Panel panel;
    private final CallLedger ledger;
    private final Function<String, ModelClient> models;
    /** Questions a new seed must not nearly repeat: the suite's and those accepted this run; guarded by itself. */
    private final List<String> knownQuestions;
    /** Seeds not searched, by reason; guarded by itself. */
    private final Map<String, Integer> skipped = new TreeMap<>();

    SeedPreparation(GeneratorSettings settings, Panel panel, CallLedger ledger, Function<String, ModelClient> models,
            Collection<String> knownQuestions) {
        this.s = settings;
        this.panel = panel;
        this.ledger = ledger;
        this.models = models;
        this.knownQuestions = new ArrayList<>(knownQuestions);
    }

    /** A question now in the suite (an accepted pair's seed), for the near-duplicate check of later seeds. */
    void known(String question) {
        synchronized (knownQuestions) {
            knownQuestions.add(question);
        }
    }

    /** Seeds not searched so far, by reason. */
    Map<String, Integer> skipped() {
        synchronized (skipped) {
            return Map.copyOf(skipped);
        }
    }

    /** The seed with its translation when it passes, or empty with the reason counted. */
    Optional<Prepared> prepare(SeedQuestion seed) {
        Side en = seed.en();
        if (s.checks() && nearDuplicate(en.question())) {
            Search.count(skipped, "near-duplicate");
            return Optional.empty();
        }
        Panel.Rate english = panel.rate("en", en, en.answerText(), true, "seed " + seed.index() + " (en)");
        if (english.value() < 1.0 || english.parsed() == 0) {
            Search.count(skipped, "english-panel");
            return Optional.empty();
        }
        if (panel.published()) {
            return publishedTranslation(seed);
        }
        String reply = ledger.ask(models.apply(s.translator()), Kind.TRANSLATION, Prompts.translateQuestion(s.lang(), en), 0.0,
                TEXT_TOKENS, "seed " + seed.index() + " translation", s.lang()).text();
        Optional<Side> target = parseQuestion(reply, en);
        if (target.isEmpty()) {
            Search.count(skipped, "translation-unreadable");
            return Optional.empty();
        }
        if (s.checks()) {
            Side t = target.get();
            if (!Checks.looksLike(s.lang(), t.question(), en.question())
                    || !Checks.optionsLookLike(s.lang(), t.choices(), en.choices())) {
                Search.count(skipped, "language-identity");
                return Optional.empty();
            }
            String back = ledger.ask(models.apply(s.translator()), Kind.BACK_TRANSLATION,
                    Prompts.backTranslateQuestion(s.lang(), t.question(), t.choices()), 0.0, TEXT_TOKENS,
                    "seed " + seed.index() + " back-translation", "en").text();
            Optional<Side> round = parseQuestion(back, en);
            if (round.isEmpty() || !aligned(en, round.get())) {
                Search.count(skipped, "answer-alignment");
                return Optional.empty();
            }
        }
        return Optional.of(new Prepared(seed, target.get()));
    }

    /**
     * The published seed translation: the translator (at temperature 0.7) translates question, options and answer; a
     * second call (the reader) re-extracts the JSON; the answer is then matched by its translated text. A translated
     * answer that matches no option is kept as published (every panel answer then counts as wrong); the pair's answer
     * index is then the English one.
     */
    private Optional<Prepared> publishedTranslation(SeedQuestion seed) {
        Side en = seed.en();
        String label = "seed " + seed.index() + " translation";
        String reply = ledger.ask(models.apply(s.translator()), Kind.TRANSLATION,
                Prompts.referenceTranslateQuestion(s.lang(), en), 0.7, Panel.REFERENCE_TOKENS, label, s.lang()).text();
        String json = ledger.ask(models.apply(s.extractor()), Kind.EXTRACTION, Prompts.referenceExtractTranslation(reply),
                0.0001, Panel.REFERENCE_TOKENS, label + " extraction", s.lang()).text();
        Optional<JsonNode> node = parseObject(json);
        if (node.isEmpty()) {
            Search.count(skipped, "translation-unreadable");
            return Optional.empty();
        }
        String text = node.get().path("text").asText("").strip();
        List<String> choices = new ArrayList<>();
        node.get().path("choices").forEach(c -> choices.add(c.asText().strip()));
        String answer = node.get().path("answer").asText("").strip();
        if (text.isEmpty() || choices.size() != en.choices().size() || choices.stream().anyMatch(String::isEmpty)) {
            Search.count(skipped, "translation-unreadable");
            return Optional.empty();
        }
        int index = choices.indexOf(answer);
        return Optional.of(new Prepared(seed, new Side(text, choices, index >= 0 ? index : en.answer()), answer));
    }

    private static Optional<JsonNode> parseObject(String reply) {
        String text = reply.strip();
        int start = text.indexOf('{');
        int end = text.lastIndexOf('}');
        if (start < 0 || end < start) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(text.substring(start, end + 1)));
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    private boolean nearDuplicate(String question) {
        synchronized (knownQuestions) {
            for (String known : knownQuestions) {
                if (Checks.similarity(known, question) >= s.nearDuplicate()) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Whether the back-translated option most like the English right answer is at the right index. */
    private static boolean aligned(Side en, Side back) {
        int best = -1;
        double bestSimilarity = -1;
        for (int i = 0; i < back.choices().size(); i++) {
            double sim = Checks.similarity(back.choices().get(i), en.answerText());
            if (sim > bestSimilarity) {
                best = i;
                bestSimilarity = sim;
            }
        }
        return best == en.answer();
    }

    /** A translated question from a {@code {question, choices}} reply, with the English answer index. */
    private static Optional<Side> parseQuestion(String reply, Side en) {
        return parseObject(reply).flatMap(node -> {
            String question = node.path("question").asText("").strip();
            List<String> choices = new ArrayList<>();
            node.path("choices").forEach(c -> choices.add(c.asText().strip()));
            if (question.isEmpty() || choices.size() != en.choices().size() || choices.stream().anyMatch(String::isEmpty)) {
                return Optional.empty();
            }
            return Optional.of(new Side(question, choices, en.answer()));
        });
    }
}
