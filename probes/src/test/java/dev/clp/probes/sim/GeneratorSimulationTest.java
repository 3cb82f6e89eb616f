package dev.clp.probes.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clp.model.ChatMessage;
import dev.clp.model.ChatRequest;
import dev.clp.probes.GeneratorTasks;
import dev.clp.scoring.AnswerExtractor;
import dev.clp.scoring.Extraction;
import dev.clp.scoring.PromptRenderer;
import dev.clp.sim.AnswerKey;
import dev.clp.sim.SimProfile;
import dev.clp.sim.SimulatedModel;
import dev.clp.suite.Side;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The simulator answers the generator's prompts through the task probes registers with its ServiceLoader. */
class GeneratorSimulationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final AnswerKey key = new AnswerKey();
    private final SimulatedModel sim = new SimulatedModel(SimProfile.named("llama-3.1-8b"), key);

    private String ask(String prompt, double temperature, int sample) {
        return sim.complete(new ChatRequest(List.of(ChatMessage.user(prompt)), temperature, 256, sample)).text();
    }

    private static String translate(String lang, String format, String text) {
        return "Translate.\n" + GeneratorTasks.translateOpen(lang, format) + text + "</translate>";
    }

    @Test
    void simulatedTranslationsAreMarkedAndRoundTripToTheEnglishText() throws Exception {
        String text = "Many readers first think of Mars here.";
        String marked = ask(translate("sw", null, text), 0, 0);
        assertThat(marked).isEqualTo(SimulatedText.marker("sw") + text);
        assertThat(SimulatedText.language(marked)).hasValue("sw");
        assertThat(ask(translate("en", null, marked), 0, 0)).isEqualTo(text);

        JsonNode list = JSON.readTree(ask(translate("yo", GeneratorTasks.FORMAT_LIST, "[\"one\",\"two\"]"), 0, 0));
        assertThat(list).hasSize(2);
        JsonNode q = JSON.readTree(ask(translate("zu", GeneratorTasks.FORMAT_QUESTION,
                "{\"question\":\"Q?\",\"choices\":[\"a\",\"b\",\"c\"]}"), 0, 0));
        assertThat(q.path("choices")).hasSize(3);
    }

    @Test
    void someTranslationsAreLeftUntranslatedOrMoveOptionsAsRealModelsDo() throws Exception {
        int untranslated = 0;
        int swapped = 0;
        int n = 2000;
        for (int i = 0; i < n; i++) {
            String reply = ask(translate("sw", GeneratorTasks.FORMAT_QUESTION,
                    "{\"question\":\"Question " + i + "?\",\"choices\":[\"a" + i + "\",\"b" + i + "\"]}"), 0, 0);
            JsonNode q = JSON.readTree(reply);
            if (!SimulatedText.isSimulatedTranslation(q.path("question").asText())) {
                untranslated++;
            } else if (q.path("choices").get(0).asText().endsWith("b" + i)) {
                swapped++;
            }
        }
        assertThat(untranslated / (double) n).isBetween(0.02, 0.045);
        assertThat(swapped / (double) n).isBetween(0.02, 0.045);
    }

    @Test
    void distractionsAreDeterministicPerSampleAndSomeGiveTheAnswerAwayWhichTheJudgeSees() throws Exception {
        String prompt = "Write.\n" + GeneratorTasks.wrap(GeneratorTasks.QUESTION, "What is 2 + 2?") + "\n"
                + GeneratorTasks.wrap(GeneratorTasks.WRONG_OPTION, "5");
        String first = ask(prompt, 0.7, 0);
        assertThat(first).startsWith(GeneratorTasks.DISTRACTION_LABEL).contains("5").isEqualTo(ask(prompt, 0.7, 0));

        int giveaways = 0;
        int n = 1000;
        for (int i = 0; i < n; i++) {
            String d = ask(prompt.replace("2 + 2", i + " + 2"), 0.7, 0);
            boolean giveaway = d.contains(SimulatedText.GIVEAWAY);
            giveaways += giveaway ? 1 : 0;
            String verdict = ask("Judge.\n" + GeneratorTasks.wrap(GeneratorTasks.PERTURBED, d), 0, 0);
            assertThat(verdict).isEqualTo(giveaway ? GeneratorTasks.CHANGED : GeneratorTasks.SAME);
        }
        assertThat(giveaways / (double) n).isBetween(0.05, 0.11);

        JsonNode batch = JSON.readTree(ask("Write.\n" + GeneratorTasks.wrap(GeneratorTasks.QUESTION, "What is 2 + 2?")
                + "\n" + GeneratorTasks.wrap(GeneratorTasks.WRONG_OPTIONS, "[\"3\",\"5\",\"22\"]"), 0.7, 0));
        assertThat(batch).hasSize(3);
    }

    @Test
    void itUnderstandsItsOwnTranslationsAndGetsWorseWithMoreDistraction() {
        int n = 600;
        int[] right = new int[2];
        for (int i = 0; i < n; i++) {
            Side en = new Side("Which number is item " + i + "?", List.of("one " + i, "two " + i, "three " + i), 1);
            key.register("en", en, 0);
            String mark = SimulatedText.marker("sw");
            String distraction = ("Some readers first think of one " + i + " here. ").repeat(16);
            for (int d = 0; d < 2; d++) {
                Side target = new Side((d == 1 ? mark + distraction + " " : "") + mark + en.question(),
                        en.choices().stream().map(c -> mark + c).toList(), 1);
                String answer = ask(PromptRenderer.render("sw", target), 0, 0);
                if (AnswerExtractor.extract("sw", SimulatedText.strip(answer), en.choices())
                        instanceof Extraction.Choice c && c.index() == 1) {
                    right[d]++;
                }
            }
        }
        // llama-3.1-8b in Swahili: ~52 % on a plain question, ~4 % at the profile's full distraction
        assertThat(right[0] / (double) n).isBetween(0.42, 0.62);
        assertThat(right[1] / (double) n).isLessThan(0.09);
    }

    @Test
    void itReadsBackItsOwnAnswerFormatsForTheReferenceExtractionCall() {
        assertThat(ask("Read.\n" + GeneratorTasks.wrap(GeneratorTasks.MODEL_ANSWER, "(B) two"), 0, 0)).isEqualTo("B");
        assertThat(ask("Read.\n" + GeneratorTasks.wrap(GeneratorTasks.MODEL_ANSWER, "Ｃ"), 0, 0)).isEqualTo("C");
        assertThat(ask("Read.\n<options>A. x\nB. y\nC. z\nD. w</options>\n"
                + GeneratorTasks.wrap(GeneratorTasks.MODEL_ANSWER, "Jibu sahihi ni D."), 0, 0)).isEqualTo("D");
        assertThat(ask("Read.\nA. x\nB. y\nC. z\nD. w\n" + GeneratorTasks.wrap(GeneratorTasks.MODEL_ANSWER,
                "I am not sure; several of these could be argued for."), 0, 0)).isEqualTo("NONE");
    }
}
