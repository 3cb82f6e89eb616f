package dev.clp.probes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clp.model.ChatRequest;
import dev.clp.probes.SeedPreparation.Prepared;
import dev.clp.suite.Side;
import dev.clp.testing.RecordingModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How the reference reads the panel's answers and the seed's translation, as the published code does (issue 19,
 * item 3): scripted models, so that each reply is one a real model could give.
 */
class ReferenceReadingTest {

    private static final Side EN = new Side("Which gas do plants take in for photosynthesis?",
            List.of("Carbon dioxide", "Oxygen", "Nitrogen"), 0);

    @TempDir
    Path tmp;

    /** The rate of a panel of two whose every answer is {@code answer} and every reading reply {@code reading}. */
    private Panel.Rate rate(String answer, String reading, List<ChatRequest> sent) {
        RecordingModel model = new RecordingModel(r -> r.label().endsWith("extraction") ? reading : answer, 0);
        GeneratorSettings settings = GeneratorSettings.defaults(SearchStrategy.REFERENCE, "sw", List.of("a", "b"));
        try (Checkpoint cp = Checkpoint.open(tmp.resolve("cp-" + System.nanoTime() + ".sqlite"),
                settings.fingerprint("test"))) {
            Panel.Rate rate = new Panel(settings, new CallLedger(cp, 0, 0, 0, 0), m -> model)
                    .rate("en", EN, "Carbon dioxide", true, "seed 0 (en)");
            sent.addAll(model.requests());
            return rate;
        }
    }

    @Test
    void aReadingReplyThatIsJsonNamingTheAnswerCountsRightAsWithFencesAsPublishedClearJsonStripsThem() {
        assertThat(rate("Carbon dioxide", "{\"final_answer\": \"Carbon dioxide\"}", new java.util.ArrayList<>()))
                .isEqualTo(new Panel.Rate(2, 2, 2));
        assertThat(rate("Carbon dioxide", "```json\n{\"final_answer\": \"Carbon dioxide\"}\n```",
                new java.util.ArrayList<>())).isEqualTo(new Panel.Rate(2, 2, 2));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "The final answer is Carbon dioxide.",
        "{\"final_answer\": \"Carbon dioxide\"",
        "Sure! {\"final_answer\": \"Carbon dioxide\"}",
    })
    void aReadingReplyWhoseJsonCannotBeDecodedCountsAsAWrongAnswerAsPublished(String reading) {
        // utils/answers.py: json.loads fails -> "return 1", a response that is not the ground truth
        assertThat(rate("Carbon dioxide", reading, new java.util.ArrayList<>())).isEqualTo(new Panel.Rate(0, 2, 2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"final_answer\": \"carbon dioxide\"}", "{\"final_answer\": \"Carbon dioxide \"}",
        "{\"final_answer\": \"Neither\"}"})
    void aDecodedAnswerOutsideTheOptionsAsTheyAreIsNotCountedAsPublished(String reading) {
        assertThat(rate("Carbon dioxide", reading, new java.util.ArrayList<>())).isEqualTo(new Panel.Rate(0, 0, 2));
    }

    @Test
    void theAnswerAndTheReadingCallCarryNoCapThePublishedCodeDoesNotHave() {
        List<ChatRequest> sent = new java.util.ArrayList<>();
        rate("Carbon dioxide", "{\"final_answer\": \"Carbon dioxide\"}", sent);
        assertThat(sent).isNotEmpty().allSatisfy(r -> assertThat(r.maxTokens()).as(r.label())
                .isEqualTo(Panel.REFERENCE_TOKENS));
        assertThat(Panel.REFERENCE_TOKENS).isGreaterThanOrEqualTo(4096);
    }

    private Optional<Prepared> prepare(String translated, List<ChatRequest> sent) {
        Function<ChatRequest, String> replies = r -> {
            String label = r.label();
            if (label.equals("seed 0 (en) extraction")) {
                return "{\"final_answer\": \"Carbon dioxide\"}";
            }
            if (label.equals("seed 0 translation extraction")) {
                return translated;
            }
            return label.equals("seed 0 translation") ? "Translation: ..." : "Carbon dioxide";
        };
        RecordingModel model = new RecordingModel(replies, 0);
        GeneratorSettings settings = GeneratorSettings.defaults(SearchStrategy.REFERENCE, "sw", List.of("a", "b"));
        try (Checkpoint cp = Checkpoint.open(tmp.resolve("seed-" + System.nanoTime() + ".sqlite"),
                settings.fingerprint("test"))) {
            CallLedger ledger = new CallLedger(cp, 0, 0, 0, 0);
            Panel panel = new Panel(settings, ledger, m -> model);
            Optional<Prepared> p = new SeedPreparation(settings, panel, ledger, m -> model, List.of())
                    .prepare(new SeedQuestion(0, "test", "science", EN));
            sent.addAll(model.requests());
            return p;
        }
    }

    @Test
    void aTranslatorThatReordersTheOptionsMovesTheAnswerWithItsText() {
        Optional<Prepared> p = prepare("{\"text\": \"Mimea huchukua gesi gani?\", \"choices\": [\"Oksijeni\", "
                + "\"Nitrojeni\", \"Kaboni dioksidi\"], \"answer\": \"Kaboni dioksidi\"}", new java.util.ArrayList<>());
        assertThat(p).isPresent();
        assertThat(p.get().target().choices()).containsExactly("Oksijeni", "Nitrojeni", "Kaboni dioksidi");
        assertThat(p.get().target().answer()).isEqualTo(2);
        assertThat(p.get().targetAnswer()).isEqualTo("Kaboni dioksidi");
    }

    @Test
    void aTranslatedAnswerWordedUnlikeEveryOptionIsKeptAndThenNoAnswerCountsRightAsPublished() {
        List<ChatRequest> sent = new java.util.ArrayList<>();
        Optional<Prepared> p = prepare("{\"text\": \"Mimea huchukua gesi gani?\", \"choices\": [\"Kaboni dioksidi\", "
                + "\"Oksijeni\", \"Nitrojeni\"], \"answer\": \"Dioksidi ya kaboni\"}", sent);
        assertThat(p).isPresent();
        assertThat(p.get().target().answer()).as("the English index stands in").isEqualTo(0);
        assertThat(p.get().targetAnswer()).isEqualTo("Dioksidi ya kaboni");
        assertThat(sent).filteredOn(r -> r.label().startsWith("seed 0 translation")).hasSize(2)
                .allSatisfy(r -> assertThat(r.maxTokens()).as(r.label()).isEqualTo(Panel.REFERENCE_TOKENS));

        RecordingModel model = new RecordingModel(r -> r.label().endsWith("extraction")
                ? "{\"final_answer\": \"Kaboni dioksidi\"}" : "Kaboni dioksidi", 0);
        GeneratorSettings settings = GeneratorSettings.defaults(SearchStrategy.REFERENCE, "sw", List.of("a", "b"));
        try (Checkpoint cp = Checkpoint.open(tmp.resolve("mismatch.sqlite"), settings.fingerprint("test"))) {
            Panel.Rate rate = new Panel(settings, new CallLedger(cp, 0, 0, 0, 0), m -> model)
                    .rate("sw", p.get().target(), p.get().targetAnswer(), false, "seed 0 (sw)");
            assertThat(rate).as("the option a model picks is never the mismatched answer text")
                    .isEqualTo(new Panel.Rate(0, 2, 2));
        }
    }
}
