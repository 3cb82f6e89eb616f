package dev.clp.probes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.clp.model.ChatRequest;
import dev.clp.model.ChatResponse;
import dev.clp.model.ModelClient;
import dev.clp.probes.sim.GroundTruth;
import dev.clp.sim.AnswerKey;
import dev.clp.sim.SimProfile;
import dev.clp.sim.SimulatedModel;
import dev.clp.suite.Side;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulated panel and reading call on the reference's published answer path (issue 19): the panel answers the
 * unlettered prompt in free text and the reading call reads that text, misreading, failing to decode and paraphrasing
 * at about its configured rates. Judged from outside: the test finds which option a reply states from its words.
 */
class PublishedReadingSimulationTest {

    private static final List<String> PANEL = List.of("sim:llama-3.1-8b", "sim:gpt-4o-mini", "sim:gpt-4o");
    private static final int SEEDS = 2000;

    @TempDir
    Path tmp;

    /** Every request and reply, in order. */
    private final List<String[]> calls = java.util.Collections.synchronizedList(new ArrayList<>());

    private ModelClient recording(ModelClient inner) {
        return new ModelClient() {
            @Override
            public ChatResponse complete(ChatRequest request) {
                ChatResponse r = inner.complete(request);
                calls.add(new String[] {request.label(), request.lastUserText(), r.text()});
                return r;
            }

            @Override
            public String name() {
                return inner.name();
            }
        };
    }

    private static Side side(int i) {
        // options with words of their own, so that which one a reply states can be read from its words
        return new Side("Which thing did visitor " + i + " bring to the fair?",
                List.of("a red stone " + i, "the blue kettle " + i, "an old violin " + i, "some green apples " + i),
                i % 4);
    }

    /** The one option whose text (case aside) the reply holds, or -1. */
    private static int stated(String reply, List<String> choices) {
        int found = -1;
        for (int i = 0; i < choices.size(); i++) {
            if (reply.toLowerCase(Locale.ROOT).contains(choices.get(i).toLowerCase(Locale.ROOT))) {
                if (found >= 0) {
                    return -1;
                }
                found = i;
            }
        }
        return found;
    }

    /** Four standard errors of a share {@code p} over {@code n}. */
    private static double sigmas(double p, int n) {
        return 4 * Math.sqrt(p * (1 - p) / n);
    }

    /**
     * Runs the published path on {@link #SEEDS} seed questions, half in English, with the reading call's {@link #RATES};
     * returns each side's rate.
     */
    private List<Panel.Rate> run(AnswerKey key) {
        RATES.forEach((k, v) -> System.setProperty("generator-sim." + k, v));
        try {
            return runAtRates(key);
        } finally {
            RATES.keySet().forEach(k -> System.clearProperty("generator-sim." + k));
        }
    }

    private List<Panel.Rate> runAtRates(AnswerKey key) {
        Map<String, ModelClient> models = new ConcurrentHashMap<>();
        GeneratorSettings settings = GeneratorSettings.builder().strategy(SearchStrategy.REFERENCE).lang("sw")
                .panel(PANEL).extractor("sim:gpt-4o-mini").build();
        assertThat(settings.extraction()).isEqualTo(GeneratorSettings.Extraction.MODEL);
        List<Panel.Rate> rates = new ArrayList<>();
        try (Checkpoint cp = Checkpoint.open(tmp.resolve("published.sqlite"), settings.fingerprint("test"))) {
            Panel panel = new Panel(settings, new CallLedger(cp, 0, 0, 0, 0), m -> models.computeIfAbsent(m,
                    n -> recording(new SimulatedModel(SimProfile.named(n.substring("sim:".length())), key))));
            assertThat(panel.published()).isTrue();
            for (int i = 0; i < SEEDS; i++) {
                Side s = side(i);
                // odd seeds registered as Swahili questions, answered at the profiles' (lower) Swahili accuracy
                String lang = i % 2 == 0 ? "en" : "sw";
                key.register(lang, s, 0);
                rates.add(panel.rate(lang, s, s.answerText(), "en".equals(lang), "seed " + i + " (" + lang + ")"));
            }
        }
        return rates;
    }

    /**
     * The reading call's rates this test sets, four to six times the defaults (0.005 each, which Table 1 bounds:
     * probes/README.md), so that the rates are measured on enough faults.
     */
    private static final Map<String, String> RATES = Map.of("reader-call.misread", "0.02", "reader-call.undecodable",
            "0.02", "reader-call.not-verbatim", "0.03");

    @Test
    void thePanelAnswersInFreeTextAndTheReadingCallMisreadsFailsAndParaphrasesAtAboutItsRates() {
        run(new AnswerKey());
        int answers = 0;
        int lettered = 0;
        int withOption = 0;
        int readings = 0;
        int misread = 0;
        int undecodable = 0;
        int notVerbatim = 0;
        String pending = null;
        List<String> pendingChoices = null;
        for (String[] c : calls) {
            if (!c[0].endsWith("extraction")) {
                answers++;
                pending = c[2];
                int seed = Integer.parseInt(c[0].replaceAll("\\D+", " ").strip().split(" ")[0]);
                pendingChoices = side(seed).choices();
                lettered += c[2].strip().matches("(?s)^((\\([A-D]\\)|[A-D]\\.|\\*\\*[A-D]\\*\\*)(\\s.*)?|[A-D]|[Ａ-Ｄ])$")
                        || c[2].matches("(?s).*The answer is [A-D]\\..*") ? 1 : 0;
                withOption += stated(c[2], pendingChoices) >= 0 ? 1 : 0;
                continue;
            }
            int truth = stated(pending, pendingChoices);
            if (truth < 0) {
                continue;
            }
            readings++;
            Optional<String> read = Panel.finalAnswer(c[2]);
            if (read.isEmpty()) {
                undecodable++;
            } else if (!pendingChoices.contains(read.get())) {
                notVerbatim += stated(read.get(), pendingChoices) == truth ? 1 : 0;
            } else if (!read.get().equals(pendingChoices.get(truth))) {
                misread++;
            }
        }
        System.out.printf(Locale.ROOT, "published path, %d panel answers: %d lettered, %d stating one option; %d readings: "
                + "%d misread, %d undecodable, %d an option reworded%n", answers, lettered, withOption, readings, misread,
                undecodable, notVerbatim);
        assertThat(answers).isEqualTo(SEEDS * PANEL.size());
        assertThat(lettered).as("an unlettered prompt is answered with the option's text, not a letter").isZero();
        assertThat(withOption).as("almost every answer states one option").isGreaterThan(answers * 9 / 10);
        assertThat(misread / (double) readings).as("misreads").isCloseTo(0.02, within(sigmas(0.02, readings)));
        assertThat(undecodable / (double) readings).as("undecodable readings")
                .isCloseTo(0.02, within(sigmas(0.02, readings)));
        assertThat(notVerbatim / (double) readings).as("readings that reword the option")
                .isCloseTo(0.03, within(sigmas(0.03, readings)));
    }

    @Test
    void panelRateIsThePublishedRulesAppliedToTheReadingsTheSimulationRecorded() {
        List<Panel.Rate> rates = run(new AnswerKey());
        Map<Integer, List<String>> replies = new java.util.TreeMap<>();
        for (String[] c : calls) {
            if (!c[0].endsWith("extraction")) {
                replies.computeIfAbsent(Integer.parseInt(c[0].replaceAll("\\D+", " ").strip().split(" ")[0]),
                        k -> new ArrayList<>()).add(c[2]);
            }
        }
        int[] published = new int[2];
        int[] truth = new int[2];
        int honest = 0;
        int known = 0;
        for (int i = 0; i < SEEDS; i++) {
            Side s = side(i);
            Map<String, GroundTruth.Reading> byReply = new java.util.HashMap<>();
            GroundTruth.readings(s.choices()).forEach(r -> byReply.putIfAbsent(r.reply(), r));
            int right = 0;
            int parsed = 0;
            for (String reply : replies.get(i)) {
                GroundTruth.Reading r = byReply.get(reply);
                assertThat(r).as("a reading recorded for %s", reply).isNotNull();
                if (r.chosen().isPresent()) {
                    known++;
                    honest += r.stated().equals(r.chosen()) ? 1 : 0;
                    truth[0] += r.chosen().get().equals(s.answerText()) ? 1 : 0;
                    truth[1]++;
                }
                if (r.returned().isEmpty()) {
                    parsed++; // published: an undecodable reading is a wrong answer
                } else if (s.choices().contains(r.returned().get())) {
                    parsed++;
                    right += r.returned().get().equals(s.answerText()) ? 1 : 0;
                } // published: a final_answer that is no option is left out
            }
            assertThat(rates.get(i)).as("seed %d", i).isEqualTo(new Panel.Rate(right, parsed, PANEL.size()));
            published[0] += right;
            published[1] += parsed;
        }
        System.out.printf(Locale.ROOT, "published path, %d seeds x %d: Panel.rate %d / %d = %.4f; as the panel chose "
                + "(perfect reading) %d / %d = %.4f; honest reading found the chosen option in %d of %d%n", SEEDS,
                PANEL.size(), published[0], published[1], published[0] / (double) published[1], truth[0], truth[1],
                truth[0] / (double) truth[1], honest, known);
        assertThat(honest).as("the reading call finds the option the panel chose from the reply's words")
                .isEqualTo(known);
        assertThat(known).isGreaterThan(SEEDS * PANEL.size() * 9 / 10);
    }
}
