package dev.clp.probes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clp.model.ChatResponse;
import dev.clp.model.ModelClient;
import dev.clp.probes.CallLedger.Kind;
import dev.clp.scoring.AnswerExtractor;
import dev.clp.scoring.Extraction;
import dev.clp.scoring.PromptRenderer;
import dev.clp.suite.Side;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The panel: asks its members one side of a candidate and reads their answers — with the harness's layered
 * extractor (one call per graded answer) or, as published, a second call to the extractor model — with the improved
 * strategy's early stopping; and the held-out models' verdict on an accepted pair.
 */
final class Panel {

    static final int ANSWER_TOKENS = 256;
    private static final ObjectMapper JSON = new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Pattern FENCE = Pattern.compile("```json\n(.+?)```", Pattern.DOTALL);
    /**
     * The token limit of every call on the reference path: the published {@code get_response} sends none to
     * OpenAI-compatible endpoints (the model's own maximum) and 2048 to Anthropic; the project's clients always send
     * one, so the reference sends this, more than any published reply needs.
     */
    static final int REFERENCE_TOKENS = 4096;

    /** Right answers over the answers that could be read; {@code asked} counts the members asked. */
    record Rate(int right, int parsed, int asked) {
        double value() {
            return parsed == 0 ? 0 : right / (double) parsed;
        }
    }

    private final GeneratorSettings settings;
    private final CallLedger ledger;
    private final Function<String, ModelClient> models;

    Panel(GeneratorSettings settings, CallLedger ledger, Function<String, ModelClient> models) {
        this.settings = settings;
        this.ledger = ledger;
        this.models = models;
    }

    /** The panel's rate of right answers on one side, over the answers that could be read. */
    Rate rate(String lang, Side side, boolean english, String label) {
        return rate(lang, side, english, label, settings.panel());
    }

    /** Whether answers are asked and read as the published code does (the reference with model extraction). */
    boolean published() {
        return settings.strategy() == SearchStrategy.REFERENCE
                && settings.extraction() == GeneratorSettings.Extraction.MODEL;
    }

    /**
     * The rate on one side, right meaning the chosen option's text is {@code answerText}: as published when
     * {@link #published()}, else as {@link #rate(String, Side, boolean, String)}.
     */
    Rate rate(String lang, Side side, String answerText, boolean english, String label) {
        if (!published()) {
            return rate(lang, side, english, label);
        }
        int right = 0;
        int parsed = 0;
        for (String member : settings.panel()) {
            ChatResponse r = ledger.ask(models.apply(member), english ? Kind.PANEL_ENGLISH : Kind.PANEL_TARGET,
                    Prompts.REFERENCE_SYSTEM, Prompts.referenceAnswer(side.question(), side.choices()), 0.0001,
                    REFERENCE_TOKENS, label, lang);
            ledger.graded();
            if (r.refused() || r.text() == null) {
                continue;
            }
            String read = ledger.ask(models.apply(settings.extractor()), Kind.EXTRACTION, Prompts.REFERENCE_SYSTEM,
                    Prompts.referenceReadAnswer(side.question(), r.text(), side.choices()), 0.0001, REFERENCE_TOKENS,
                    label + " extraction", lang).text();
            Optional<String> chosen = finalAnswer(read);
            if (chosen.isEmpty()) {
                parsed++; // published: a reply json.loads cannot decode is returned as 1, an answer that is wrong
                continue;
            }
            if (!side.choices().contains(chosen.get())) {
                continue; // published: an answer outside the options (compared as it is, unstripped) is not counted
            }
            parsed++;
            if (chosen.get().equals(answerText)) {
                right++;
            }
        }
        return new Rate(right, parsed, settings.panel().size());
    }

    /**
     * The {@code final_answer} of a reading call's reply as the published code reads it: a fenced {@code ```json}
     * block unwrapped ({@code clear_json}), then the whole reply decoded as JSON ({@code json.loads}, no search for
     * braces); empty when it cannot be decoded. A decoded reply without a string {@code final_answer} gives "" (the
     * published code stops with a KeyError there), which is no option.
     */
    static Optional<String> finalAnswer(String reply) {
        String text = FENCE.matcher(reply == null ? "" : reply).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        try {
            JsonNode n = JSON.readTree(text);
            if (n == null || n.isMissingNode()) {
                return Optional.empty();
            }
            JsonNode answer = n.path("final_answer");
            return Optional.of(answer.isTextual() ? answer.asText() : "");
        } catch (java.io.IOException e) {
            return Optional.empty(); // not JSON: counted as a wrong answer, as published
        }
    }

    /** The rate over some panel members (the improved strategy screens beam candidates with the first one). */
    Rate rate(String lang, Side side, boolean english, String label, List<String> members) {
        String prompt = PromptRenderer.render(lang, side);
        int right = 0;
        int parsed = 0;
        int asked = 0;
        int mustNotExceed = (int) Math.floor(settings.acceptTarget() * settings.panel().size() + 1e-9);
        for (String member : members) {
            ChatResponse r = ledger.ask(models.apply(member), english ? Kind.PANEL_ENGLISH : Kind.PANEL_TARGET, prompt, 0.0,
                    ANSWER_TOKENS, label, lang);
            asked++;
            ledger.graded();
            Integer choice = read(lang, side, r, label);
            if (choice == null) {
                continue;
            }
            parsed++;
            if (choice == side.answer()) {
                right++;
            }
            if (settings.earlyStop() && english && choice != side.answer()) {
                break; // the English rate can no longer be 1
            }
            if (settings.earlyStop() && !english && right > mustNotExceed) {
                break; // the target rate can no longer be low enough to accept
            }
        }
        return new Rate(right, parsed, asked);
    }

    Integer read(String lang, Side side, ChatResponse r, String label) {
        if (r.refused() || r.text() == null) {
            return null;
        }
        String text = r.text();
        if (settings.extraction() == GeneratorSettings.Extraction.MODEL) {
            text = ledger.ask(models.apply(settings.extractor()), Kind.EXTRACTION,
                    Prompts.extraction(side.question(), side.choices(), text), 0.0, 16, label + " extraction", lang).text();
            lang = "en";
        }
        Extraction e = AnswerExtractor.extract(lang, text, side.choices());
        return e instanceof Extraction.Choice c ? c.index() : null;
    }

    /** Held-out validation: does the pair also fool models outside the panel? */
    Map<String, String> holdout(Side en, Side target) {
        Map<String, String> out = new TreeMap<>();
        for (String m : settings.holdout()) {
            String label = "holdout " + m;
            Integer enChoice = read("en", en, ledger.ask(models.apply(m), Kind.HOLDOUT, PromptRenderer.render("en", en),
                    0.0, ANSWER_TOKENS, label, "en"), label);
            if (enChoice == null || enChoice != en.answer()) {
                out.put(m, enChoice == null ? "unparseable" : "english wrong");
                continue;
            }
            Integer tChoice = read(settings.lang(), target, ledger.ask(models.apply(m), Kind.HOLDOUT,
                    PromptRenderer.render(settings.lang(), target), 0.0, ANSWER_TOKENS, label, settings.lang()), label);
            out.put(m, tChoice == null ? "unparseable" : tChoice == target.answer() ? "not fooled" : "fooled");
        }
        return out;
    }
}
