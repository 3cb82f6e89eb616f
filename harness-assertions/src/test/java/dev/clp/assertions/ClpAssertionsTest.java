package dev.clp.assertions;

import static dev.clp.assertions.ClpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner and the assertions over two small simulator runs of the starter suite (three languages, 12 pairs
 * each): a strong model that records a baseline, and a weaker one.
 */
class ClpAssertionsTest {

    private static final Path STARTER = Path.of(System.getProperty("clp.test.starter-suite",
            "../generated-suites/suites/starter"));

    @TempDir
    static Path tmp;

    static Path baseline;
    static ClpRun strong;
    static ClpRun weak;

    @BeforeAll
    static void twoRuns() {
        baseline = tmp.resolve("baseline.json");
        strong = ClpRunner.suite(STARTER).model("sim:gpt-4o").configurationParameter("clp.languages", "sw,yo,de")
                .configurationParameter("clp.baseline", baseline.toString())
                .configurationParameter("clp.baseline.update", "true").resultsDir(tmp.resolve("strong")).run();
        weak = ClpRunner.suite(STARTER).model("sim:llama-3.1-8b").configurationParameter("clp.languages", "sw,yo,de")
                .run();
    }

    @Nested
    class TheRunner {

        @Test
        void returnsTheTypedRecordsTheEngineWrote() {
            assertThat(strong.resultsDir()).isEqualTo(tmp.resolve("strong").toAbsolutePath().normalize());
            assertThat(strong.model()).isEqualTo("sim:gpt-4o");
            assertThat(strong.runRecord().languages()).extracting(l -> l.lang()).containsExactly("de", "sw", "yo");
            assertThat(strong.gates().gates()).hasSize(6);
            assertThat(strong.summary()).contains("sw").contains("SIMULATED");
            assertThat(strong.testsSucceeded() + strong.testsFailed()).as("36 pairs and 6 gates").isEqualTo(42);
        }

        @Test
        void givesEachRunItsOwnResultsDirectoryUnlessTold() {
            assertThat(weak.resultsDir()).isNotEqualTo(strong.resultsDir()).exists();
            assertThat(ClpRun.read(weak.resultsDir()).runRecord()).isEqualTo(weak.runRecord());
        }

        @Test
        void aConfigurationErrorIsThrownWithTheEnginesMessage() {
            ClpRunner runner = ClpRunner.suite(STARTER).model("sim:gpt-4o").configurationParameter("clp.samples", "0");
            assertThatThrownBy(runner::run).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("the clp engine wrote no run record").hasMessageContaining("clp.samples");
        }

        @Test
        void runsASuiteFromTheClassPath() {
            ClpRun run = ClpRunner.classpathSuite("suites/starter").model("sim:gpt-4o")
                    .configurationParameter("clp.languages", "sw").run();
            assertThat(run.runRecord().suites()).containsKey("starter");
            assertThat(run).language("sw").gap().isEqualTo(strong.language("sw").orElseThrow().gap());
        }

        @Test
        void aClassPathSuiteThatIsNotThereSelectsNothingAndSaysSo() {
            ClpRunner runner = ClpRunner.classpathSuite("suites/no-such-suite").model("sim:gpt-4o");
            assertThatThrownBy(runner::run).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("classpath:suites/no-such-suite: the clp engine wrote no run record");
        }

        @Test
        void aSuiteDirectoryThatIsNotThereIsNamed() {
            Path nowhere = tmp.resolve("no-such-suite");
            assertThatThrownBy(() -> ClpRunner.suite(nowhere)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(nowhere.toString()).hasMessageContaining("no suite directory");
        }
    }

    @Nested
    class LanguageFigures {

        @Test
        void aGapWithinTheLimitPasses() {
            assertThat(strong).measuredSomething().language("sw").gap().isAtMost(0.10).isAtLeast(-1.0);
            assertThat(strong).language("sw").coverage().isAtLeast(0.9);
            assertThat(strong).language("sw").englishAccuracy().isBetween(0.5, 1.0);
        }

        @Test
        void aGapBeyondTheLimitFailsNamingLanguageFiguresAndThreshold() {
            assertThatThrownBy(() -> assertThat(weak).language("sw").gap().isAtMost(0.10))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("[lang=sw] Swahili gap: expected at most +10.0 points but was +50.0 points")
                    .hasMessageContaining("verdict INCONCLUSIVE").hasMessageContaining("max gap 10.0 points")
                    .hasMessageContaining("12 pairs");
        }

        @Test
        void aLanguageTheRunDoesNotHaveIsNamedWithThoseItHas() {
            assertThatThrownBy(() -> assertThat(strong).language("xx"))
                    .hasMessage("sim:gpt-4o: the run has no language <xx>; it has [de, sw, yo]");
        }

        @Test
        void weakPairsAndTheVerdictAreChecked() {
            assertThat(strong).language("de").hasVerdict("INCONCLUSIVE");
            assertThatThrownBy(() -> assertThat(weak).language("yo").hasNoWeakPair())
                    .hasMessageContaining("[lang=yo] Yoruba: expected no weak pair but 5 of 12 are weak");
        }

        @Test
        void theSimulatorIsNamedWhenARealModelWasExpected() {
            assertThatThrownBy(() -> assertThat(strong).isNotSimulated()).hasMessageContaining("offline simulator");
        }
    }

    @Nested
    class Gates {

        @Test
        void aPassingGatePassesAndAFailingOneSaysWhy() {
            assertThat(strong).gate("sw", "coverage").passed().hasVerdict("PASS");
            assertThat(strong).gate("sw", "gap").failed().hasVerdict("INCONCLUSIVE");
            assertThatThrownBy(() -> assertThat(strong).gate("sw", "gap").passed())
                    .hasMessageContaining("expected the gap gate of <sw> to pass but it fails the build")
                    .hasMessageContaining("[lang=sw] Swahili gap").hasMessageContaining("threshold 10.0 points")
                    .hasMessageContaining("underpowered");
            assertThatThrownBy(() -> assertThat(strong).gate("sw", "coverage").failed())
                    .hasMessageContaining("clp.gate.min-answered");
        }

        @Test
        void theWholeRunFailsWhenAnyGateDoes() {
            assertThat(strong).failed();
            assertThatThrownBy(() -> assertThat(strong).passed()).hasMessageContaining("3 fail")
                    .hasMessageContaining("[lang=de]").hasMessageContaining("[lang=yo]");
        }

        @Test
        void aGateTheRunDoesNotHaveIsNamed() {
            assertThatThrownBy(() -> assertThat(weak).gate("sw", "regression"))
                    .hasMessage("sim:llama-3.1-8b: the run has no regression gate for <sw>; its gates are [coverage, gap]");
        }
    }

    @Nested
    class AgainstABaseline {

        @Test
        void aRunHasNoNewWeakPairAgainstItsOwnBaseline() {
            assertThat(strong).newWeakPairsAgainst(baseline).isEmpty();
            ClpAssertions.assertThatResultsIn(strong.resultsDir()).newWeakPairsAgainst(baseline).isEmpty();
        }

        @Test
        void aWeakerModelsNewWeakPairsAreListed() {
            assertThat(weak).newWeakPairsAgainst(baseline).isNotEmpty().allMatch(id -> id.matches("(sw|yo|de)-.*"));
            assertThatThrownBy(() -> assertThat(weak).newWeakPairsAgainst(baseline).isEmpty())
                    .hasMessageContaining("new weak pairs of sim:llama-3.1-8b against the baseline of sim:gpt-4o")
                    .hasMessageContaining("sw-");
        }
    }
}
