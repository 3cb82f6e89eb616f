package dev.clp.probes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clp.testing.RecordingModel;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How the improved strategy reads what real models reply to its prompts (issue 19, item 4). */
class PromptRobustnessTest {

    @Nested
    class TheWritersChatter {

        @ParameterizedTest
        @ValueSource(strings = {
            "Sure, here's a subtle distraction:\n\n**Distraction:** Many gardeners swear by oxygen-rich soil.",
            "Here is one.\nDistraction: \"Many gardeners swear by oxygen-rich soil.\"",
            "**Generated Distraction:** “Many gardeners swear by oxygen-rich soil.”",
            "Certainly! Here is a distraction for the wrong option:\nMany gardeners swear by oxygen-rich soil.",
            "\"Many gardeners swear by oxygen-rich soil.\"",
            "Distraction: Many gardeners swear by oxygen-rich soil.\n\nI hope this helps!",
        })
        void isStrippedAndNeverBecomesPartOfTheQuestion(String reply) {
            assertThat(BatchedCalls.distractionText(reply)).isEqualTo("Many gardeners swear by oxygen-rich soil.");
        }

        @Test
        void aReplyThatIsOnlyChatterGivesNoDistraction() {
            assertThat(BatchedCalls.distractionText("Sure, here's a distraction:")).isEmpty();
        }
    }

    @Nested
    class TheJudgesVerdict {

        @ParameterizedTest
        @ValueSource(strings = {"SAME", "same.", "UNCHANGED", "**Unchanged**", "not CHANGED", "Not changed.", "No change"})
        void thatKeepsTheQuestionIsReadAsKept(String reply) {
            assertThat(Checks.judgeKeeps(reply)).as(reply).hasValue(true);
        }

        @ParameterizedTest
        @ValueSource(strings = {"CHANGED", "**Changed**", "changed.", "Verdict: CHANGED"})
        void thatChangesItIsReadAsChanged(String reply) {
            assertThat(Checks.judgeKeeps(reply)).as(reply).hasValue(false);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "I cannot tell.", "SAME or CHANGED", "It is not the same", "Not SAME"})
        void thatCannotBeReadExactlyIsUnreadable(String reply) {
            assertThat(Checks.judgeKeeps(reply)).as(reply).isEmpty();
        }
    }

    @Nested
    class TheBackTranslationCheck {

        @ParameterizedTest
        @ValueSource(strings = {
            "First impressions do not always hold up when one reflects.",
            "On reflection, the first impression does not always hold up.",
            "The first impressions are not always those which hold up upon reflection.",
        })
        void acceptsOrdinaryParaphrase(String back) {
            assertThat(Checks.sameMeaning(back, "The first impression is not always the one that holds up on reflection."))
                    .as(back).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "Several details in the wording are easy to overlook.",
            "Plants release nitrogen at night.",
            "",
        })
        void rejectsATextThatSaysSomethingElse(String back) {
            assertThat(Checks.sameMeaning(back, "The first impression is not always the one that holds up on reflection."))
                    .as(back).isFalse();
        }
    }

    @Nested
    class TheLanguageCheckForLatinScripts {

        @Test
        void catchesAPartialTranslation() {
            String source = "Many readers first think of oxygen here. Several details in the wording are easy to overlook.";
            String partial = "Wasomaji wengi hufikiria oksijeni kwanza hapa. Several details in the wording are easy to overlook.";

            assertThat(Checks.looksLike("sw", partial, source)).isFalse();
            assertThat(Checks.looksLike("sw", "Wasomaji wengi hufikiria oksijeni kwanza hapa. Maelezo kadhaa katika "
                    + "maneno ni rahisi kupuuzwa.", source)).isTrue();
        }

        @Test
        void keepsSeedsWhoseOptionsAreNamesOrNumbers() {
            assertThat(Checks.optionsLookLike("sw", List.of("Paris", "Lyon", "Marseille", "Nice"),
                    List.of("Paris", "Lyon", "Marseille", "Nice"))).isTrue();
            assertThat(Checks.optionsLookLike("fr", List.of("1789", "1815", "1848", "1870"),
                    List.of("1789", "1815", "1848", "1870"))).isTrue();
            assertThat(Checks.optionsLookLike("de", List.of("Albert Einstein", "Isaac Newton"),
                    List.of("Albert Einstein", "Isaac Newton"))).isTrue();
        }

        @Test
        void stillCatchesOptionsLeftInEnglish() {
            assertThat(Checks.optionsLookLike("sw", List.of("The carbon dioxide of the air", "The oxygen in the water"),
                    List.of("The carbon dioxide of the air", "The oxygen in the water"))).isFalse();
        }
    }

    @Nested
    class TheWriter {

        @TempDir
        Path tmp;

        @Test
        void isGivenTheCorrectAnswerItMustNotContradict() {
            RecordingModel writer = new RecordingModel(r -> "[\"One.\", \"Two.\"]", 0);
            GeneratorSettings settings = GeneratorSettings.defaults(SearchStrategy.IMPROVED, "sw", List.of("writer"));
            try (Checkpoint cp = Checkpoint.open(tmp.resolve("cp.sqlite"), settings.fingerprint("test"))) {
                BatchedCalls calls = new BatchedCalls(settings, new CallLedger(cp, 0, 0, 0, 0), m -> writer);

                calls.distractions("Which gas do plants take in for photosynthesis?", "Carbon dioxide",
                        List.of("Oxygen", "Nitrogen"), "seed 0");
            }

            assertThat(writer.requests()).hasSize(1);
            assertThat(writer.requests().get(0).lastUserText()).contains("Carbon dioxide").contains("Oxygen")
                    .contains("Nitrogen");
        }
    }
}
