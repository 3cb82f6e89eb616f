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
import java.util.Locale;
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
    void aSimulatedTranslationIsMarkedReadsAsTheLanguageAndReadsBackInEnglish() {
        for (String lang : List.of("sw", "zh", "he", "hi", "uk")) {
            String text = "Many readers first think of Mars " + lang + " here.";
            String encoded = SimulatedText.encode(lang, text);
            assertThat(encoded).as(lang).isNotEqualTo(text).doesNotContain("readers");
            assertThat(SimulatedText.decode(lang, encoded)).as(lang).isEqualTo(text);
            assertThat(SimulatedText.decodeMarked(SimulatedText.marker(lang) + encoded)).isEqualTo(text);
        }
        assertThat(SimulatedText.encode("sw", "the answer")).isEqualTo("thē ānswēr");
    }

    @Test
    void someTranslationsAreLeftInEnglishPartlyOrWhollyOrMoveOptionsAndEachIsRecorded() throws Exception {
        int untranslated = 0;
        int partial = 0;
        int swapped = 0;
        int n = 2000;
        for (int i = 0; i < n; i++) {
            String reply = ask(translate("sw", GeneratorTasks.FORMAT_QUESTION, "{\"question\":\"Which is item " + i
                    + "? Think about it.\",\"choices\":[\"a" + i + "\",\"b" + i + "\"]}"), 0, 0);
            JsonNode q = JSON.readTree(reply);
            String question = q.path("question").asText();
            if (question.contains("Which is item")) {
                untranslated++;
            } else if (question.endsWith("Think about it.")) {
                partial++;
            }
            if (SimulatedText.decode("sw", q.path("choices").get(0).asText()).equals("b" + i)) {
                swapped++;
            }
        }
        assertThat(untranslated / (double) n).isBetween(0.02, 0.07);
        assertThat(partial / (double) n).isBetween(0.02, 0.07);
        assertThat(swapped / (double) n).isBetween(0.015, 0.045);
    }

    private static boolean changed(String verdict) {
        return verdict.toUpperCase(Locale.ROOT).replace("*", "").startsWith("CHANGED");
    }

    @Test
    void giveawaysAreWordedSeveralWaysAndTheJudgesObservedCatchRateDependsOnTheWording() {
        int n = 3000;
        int[] full = new int[2]; // giveaways naming the whole right option: [judged, caught]
        int[] part = new int[2]; // naming only one of its words
        int[] sound = new int[2];
        java.util.Set<String> wordings = new java.util.HashSet<>();
        int withoutAnswerIs = 0;
        for (int i = 0; i < n; i++) {
            String q = "Which substance is kept in container " + i + "?";
            String right = "liquid nitrogen tank " + i;
            List<String> options = List.of(right, "five", "ocean water " + i);
            String prompt = "Write.\n" + GeneratorTasks.wrap(GeneratorTasks.QUESTION, q) + "\n"
                    + GeneratorTasks.wrap(GeneratorTasks.CORRECT_OPTION, right) + "\n"
                    + GeneratorTasks.wrap(GeneratorTasks.WRONG_OPTION, "five");
            String d = ask(prompt, 0.7, 0).substring(GeneratorTasks.DISTRACTION_LABEL.length()).strip();
            boolean giveaway = GroundTruth.GIVES_AWAY.equals(GroundTruth.fault(d));
            boolean c = changed(GeneratorSimulation.verdict(q, d + " " + q, options, 0));
            int[] tally = !giveaway ? sound : d.contains(right) ? full : part;
            tally[0]++;
            tally[1] += c ? 1 : 0;
            if (giveaway) {
                String last = d.substring(d.lastIndexOf(". ", d.length() - 2) + 1).strip();
                wordings.add(last.replace(right, "%s").replaceAll("liquid|nitrogen|tank|\\d+", "%w"));
                withoutAnswerIs += d.contains("answer is") ? 0 : 1;
            }
        }
        double giveaways = full[0] + part[0];
        System.out.printf(Locale.ROOT, "judge, %d distractions: %d giveaways in %d wordings (%d without 'answer is'); "
                + "caught %.2f of %d naming the whole option, %.2f of %d naming one of its words; false alarms %.3f "
                + "(configured catch %.2f, false alarm %.2f)%n", n, (int) giveaways, wordings.size(), withoutAnswerIs,
                full[1] / (double) full[0], full[0], part[1] / (double) part[0], part[0], sound[1] / (double) sound[0],
                SimulationRates.get("judge.catch"), SimulationRates.get("judge.false-alarm"));
        assertThat(giveaways / n).isBetween(0.04, 0.08);
        assertThat(wordings.size()).as("giveaway wordings").isGreaterThanOrEqualTo(4);
        assertThat(withoutAnswerIs).as("giveaways that do not say 'the answer is'").isGreaterThan((int) giveaways / 4);
        assertThat(part[0]).as("giveaways without the option's exact text").isGreaterThan((int) giveaways / 6);
        assertThat(full[1] / (double) full[0]).as("catch rate, whole option named").isBetween(0.7, 0.95);
        assertThat(part[1] / (double) part[0]).as("catch rate, one word of it named: below the configured rate")
                .isLessThan(0.6);
        assertThat(sound[1] / (double) sound[0]).as("false alarms").isBetween(0.02, 0.07);
    }

    @Test
    void theJudgeReadsContentWordsNotTheWritersTemplates() {
        int n = 1000;
        int plainly = 0;
        int wrongStated = 0;
        for (int i = 0; i < n; i++) {
            String q = "Which metal is sample " + i + "?";
            List<String> options = List.of("copper wire " + i, "iron bar " + i, "zinc plate " + i);
            // wording no template has, naming the right option: read as a giveaway
            plainly += changed(GeneratorSimulation.verdict(q, "Plainly, copper wire " + i + " is correct. " + q,
                    options, 0)) ? 1 : 0;
            // the writer's giveaway wording, naming a wrong option: no giveaway
            wrongStated += changed(GeneratorSimulation.verdict(q, "Either way, the answer is iron bar " + i + ". " + q,
                    options, 0)) ? 1 : 0;
        }
        assertThat(plainly / (double) n).isBetween(0.75, 0.92);
        assertThat(wrongStated / (double) n).isLessThan(0.08);
    }

    @Test
    void theReaderReactsToWhatADistractionSays() {
        int n = 600;
        int[] right = new int[2];
        for (int i = 0; i < n; i++) {
            Side en = new Side("Which number is item " + i + "?", List.of("one " + i, "two " + i, "three " + i), 1);
            key.register("en", en, 0);
            String arguing = String.join(" ", java.util.Collections.nCopies(4,
                    "Many readers first think of one " + i + " here. Teachers report that students often pick three "
                            + i + " at first sight. It is easy to see why one " + i + " comes to mind first."));
            String[] questions = {en.question(), arguing + " " + en.question()};
            for (int d = 0; d < questions.length; d++) {
                Side target = new Side(SimulatedText.marker("sw") + SimulatedText.encode("sw", questions[d]),
                        en.choices().stream().map(c -> SimulatedText.encode("sw", c)).toList(), 1);
                String answer = ask(PromptRenderer.render("sw", target), 0, 0);
                if (AnswerExtractor.extract("sw", SimulatedText.decode("sw", answer), en.choices())
                        instanceof Extraction.Choice c && c.index() == 1) {
                    right[d]++;
                }
            }
        }
        System.out.printf(Locale.ROOT, "llama-3.1-8b in Swahili, right: plain %.3f, arguing %.3f%n",
                right[0] / (double) n, right[1] / (double) n);
        assertThat(right[1]).as("arguing for wrong options distracts").isLessThan(right[0] - n / 20);
    }

    /**
     * Right answers and answers naming option 3 among {@code n} seeds of four colours (the right one green), asked in a
     * simulated Swahili translation.
     */
    private int[] colours(String profile, int n, String before, String after) {
        SimulatedModel model = new SimulatedModel(SimProfile.named(profile), key);
        int[] out = new int[2];
        for (int i = 0; i < n; i++) {
            Side en = new Side("Which colour does sample " + i + " of the survey show?",
                    List.of("red " + i, "green " + i, "blue " + i, "yellow " + i), 1);
            key.register("en", en, 0);
            String question = (before.isEmpty() ? "" : before + " ") + en.question() + (after.isEmpty() ? "" : " " + after);
            Side asked = new Side(SimulatedText.marker("sw") + SimulatedText.encode("sw", question),
                    en.choices().stream().map(c -> SimulatedText.encode("sw", c)).toList(), 1);
            String answer = model.complete(new ChatRequest(List.of(ChatMessage.user(PromptRenderer.render("sw", asked))),
                    0, 256, 0)).text();
            if (AnswerExtractor.extract("sw", SimulatedText.decode("sw", answer), en.choices())
                    instanceof Extraction.Choice c) {
                out[0] += c.index() == 1 ? 1 : 0;
                out[1] += c.index() == 3 ? 1 : 0;
            }
        }
        return out;
    }

    @Test
    void aDistractionPullsTowardsTheOptionItNamesAndAGiveawayTowardsTheRightOne() {
        int n = 1500;
        String arguing = "Many people would say yellow without thinking. A careless look suggests the yellow one.";
        int[] plain = colours("llama-3.1-8b", n, "", "");
        int[] pulled = colours("llama-3.1-8b", n, arguing, "");
        int[] giveaway = colours("llama-3.1-8b", n, arguing, "Most would agree it is green, though.");
        System.setProperty("generator-sim.reader.pull.strength", "0");
        System.setProperty("generator-sim.reader.pull.aim", "0");
        int[] off;
        try {
            off = colours("llama-3.1-8b", n, arguing, "");
        } finally {
            System.clearProperty("generator-sim.reader.pull.strength");
            System.clearProperty("generator-sim.reader.pull.aim");
        }
        System.out.printf(Locale.ROOT, "llama-3.1-8b in Swahili, %d seeds, right / yellow: plain %d / %d, arguing for yellow %d / %d, "
                + "with the right one named %d / %d, without pull (strength and aim 0) %d / %d%n", n, plain[0], plain[1], pulled[0],
                pulled[1], giveaway[0], giveaway[1], off[0], off[1]);
        double plainAccuracy = SimProfile.named("llama-3.1-8b").accuracy("sw", "sw", 0);
        assertThat(plain[0] / (double) n).as("without added text, the profile's accuracy")
                .isCloseTo(plainAccuracy, org.assertj.core.api.Assertions.within(4 * Math.sqrt(0.25 / n)));
        assertThat(pulled[1]).as("the wrong answers go mostly to the option argued for (a third without pull)")
                .isGreaterThan((n - pulled[0]) / 2);
        assertThat(off[1]).as("without pull, a third of the wrong answers")
                .isBetween((n - off[0]) / 3 - n / 50, (n - off[0]) / 3 + n / 50);
        assertThat(pulled[0]).as("arguing for a wrong option costs right answers").isLessThan(off[0]);
        assertThat(giveaway[0]).as("naming the right option pulls towards it").isGreaterThan(pulled[0] + n / 50);
    }

    @Test
    void theReadersNormalQuantileMatchesKnownValues() {
        assertThat(SimulatedReader.probit(0.5)).isCloseTo(0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(SimulatedReader.probit(0.975)).isCloseTo(1.959964, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(SimulatedReader.probit(0.01)).isCloseTo(-2.326348, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(SimulatedReader.probit(0.9999)).isCloseTo(3.719016, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(SimulatedReader.probit(0.3)).isCloseTo(-0.524401, org.assertj.core.api.Assertions.within(1e-6));
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

    @Test
    void theReadingCallFindsTheOptionAReplyStatesFromItsWords() {
        assertThat(GeneratorSimulation.stated("Paris, Texas is the correct option.", List.of("Paris", "Paris, Texas")))
                .as("an option inside a longer one found there is the longer one").isEqualTo(1);
        assertThat(GeneratorSimulation.stated("Answer: II", List.of("I", "II", "III"))).as("whole words").isEqualTo(1);
        assertThat(GeneratorSimulation.stated("The option that fits best is: I", List.of("I", "II", "III"))).isZero();
        assertThat(GeneratorSimulation.stated("the blue kettle", List.of("A red stone.", "The blue kettle.")))
                .as("case and a final full stop aside").isEqualTo(1);
        assertThat(GeneratorSimulation.stated("The kettle, the blue one.", List.of("a red stone 3", "the blue kettle 3")))
                .as("by its own words").isEqualTo(1);
        assertThat(GeneratorSimulation.stated("I am not sure; several of these could be argued for.",
                List.of("a red stone 3", "the blue kettle 3"))).isEqualTo(-1);
    }

    @Test
    void chatterAroundTheAnswerIsNotReadAsAShortOption() {
        List<String> roman = List.of("I", "II", "III", "IV");
        assertThat(GeneratorSimulation.stated("Sure, I can help with that. The answer is II, since it fits the question "
                + "best.", roman)).as("the pronoun I of the chatter is not option I").isEqualTo(1);
        assertThat(GeneratorSimulation.stated("A good question! The answer is B.", List.of("A", "B", "C", "D")))
                .as("the article A of the chatter is not option A").isEqualTo(1);
        assertThat(GeneratorSimulation.stated("1 moment, let me check. The correct option is 2.", List.of("1", "2", "3")))
                .as("a number in the chatter is not the option").isEqualTo(1);
        assertThat(GeneratorSimulation.stated("I hope this helps! Answer: IV", roman)).isEqualTo(3);
        assertThat(GeneratorSimulation.stated("Answer: I. I hope this helps!", roman)).as("the answer itself").isZero();
        assertThat(GeneratorSimulation.stated("II", roman)).as("an option alone").isEqualTo(1);
        // an option's own words are not the sentence's answer cue
        assertThat(GeneratorSimulation.stated("Sure, I can help. II", List.of("I", "II the correct answer")))
                .isZero();
        // the same in a simulated translation: the answer sentence is recognised in the translation's language
        String zh = SimulatedText.encode("zh", "Sure, I can help with that. The answer is ")
                + SimulatedText.encode("zh", "II") + SimulatedText.encode("zh", ", since it fits the question best.");
        assertThat(GeneratorSimulation.stated(zh, roman.stream().map(o -> SimulatedText.encode("zh", o)).toList()))
                .as(zh).isEqualTo(1);
    }

    @Test
    void everyFreeTextFormReadsAsTheChosenOptionEvenWhenTheOptionsAreShortWords() {
        GeneratorSimulation task = new GeneratorSimulation();
        List<List<String>> optionSets = List.of(List.of("I", "II", "III", "IV"), List.of("A", "B", "C", "D"),
                List.of("1", "2", "3", "4"), List.of("it", "me", "best", "that"));
        int replies = 0;
        for (String lang : List.of("en", "sw", "zh")) {
            for (List<String> english : optionSets) {
                List<String> shown = "en".equals(lang) ? english
                        : english.stream().map(c -> SimulatedText.encode(lang, c)).toList();
                for (int i = 0; i < 80; i++) {
                    String question = "Which one did visitor " + i + " pick?";
                    String prompt = "Complete the question.\n" + ("en".equals(lang) ? question
                            : SimulatedText.marker(lang) + SimulatedText.encode(lang, question)) + "\n['"
                            + String.join("', '", shown) + "']\n";
                    for (int pick = 0; pick < shown.size(); pick++) {
                        String reply = task.word("gpt-4o", prompt, english, pick, 0).orElseThrow();
                        assertThat(GeneratorSimulation.stated(reply, shown)).as("%s of %s", reply, shown)
                                .isEqualTo(pick);
                        replies++;
                    }
                }
            }
        }
        assertThat(replies).isEqualTo(3 * 4 * 80 * 4);
    }

    @Test
    void aPanelModelAnswersThePublishedPromptInFreeTextInTheTranslationsLanguageWithoutMarks() {
        GeneratorSimulation task = new GeneratorSimulation();
        java.util.Set<String> forms = new java.util.HashSet<>();
        for (int i = 0; i < 60; i++) {
            List<String> english = List.of("a red stone " + i, "the blue kettle " + i, "an old violin " + i);
            List<String> shown = english.stream().map(c -> SimulatedText.encode("sw", c)).toList();
            String prompt = "Complete the question.\n" + SimulatedText.marker("sw")
                    + SimulatedText.encode("sw", "What did visitor " + i + " bring?") + "\n['" + String.join("', '", shown)
                    + "']\n";
            String reply = task.word("gpt-4o", prompt, english, 2, 0).orElseThrow();
            assertThat(SimulatedText.isSimulatedTranslation(reply)).as(reply).isFalse();
            assertThat(GeneratorSimulation.stated(reply, shown)).as(reply).isEqualTo(2);
            assertThat(reply).as("no English chatter around the option").doesNotContain("answer", "option", "Sure");
            forms.add(reply.replace(shown.get(2), "%s").replace(GeneratorSimulation.reworded(shown.get(2)), "%s"));
        }
        assertThat(forms).as("the option alone and in several sentences").contains("%s").hasSizeGreaterThan(3);
        assertThat(task.word("gpt-4o", "Answer.\n\nQuestion: x\n\nA. a\nB. b\n\nAnswer:", List.of("a", "b"), 1, 0))
                .as("a lettered prompt keeps the simulator's lettered formats").isEmpty();
    }
}
