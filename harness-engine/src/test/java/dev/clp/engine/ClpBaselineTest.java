package dev.clp.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.testkit.engine.EventConditions.engine;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clp.scoring.Baseline;
import dev.clp.testing.EngineRun;
import dev.clp.testing.SuiteFixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Baselines: recording one, the regression gate, known weak pairs, and repeated samples. */
class ClpBaselineTest {

    @TempDir
    Path tmp;

    private Path suite() {
        return SuiteFixtures.suite(tmp.resolve("s"), "s", 300, "fr", "sw");
    }

    private EngineExecutionResults run(Path suite, String model, Map<String, String> extra) {
        return kit(suite, model, extra).execute();
    }

    private EngineTestKit.Builder kit(Path suite, String model, Map<String, String> extra) {
        return EngineRun.in(tmp).engine(new ClpTestEngine(Map.of()))
                .configurationParameter("clp.results.dir", tmp.resolve("results").toString())
                .configurationParameter("clp.model", model)
                .configurationParameter("clp.gate.max-gap", "0.5")
                .configurationParameters(extra)
                .selectors(selectDirectory(suite.toFile()));
    }

    private Path record(Path suite, String model) {
        Path file = tmp.resolve("baseline-" + model.replace(':', '-') + ".json");
        run(suite, model, Map.of("clp.baseline", file.toString(), "clp.baseline.update", "true"))
                .testEvents().assertStatistics(s -> s.failed(0));
        return file;
    }

    @Test
    void updateWritesABaselineWithEveryPairAndTheRunsSettings() {
        Path suite = suite();
        Baseline b = Baseline.read(record(suite, "sim:gpt-4o"));
        assertThat(b.model()).isEqualTo("sim:gpt-4o");
        assertThat(b.samples()).isEqualTo(1);
        assertThat(b.suites()).containsEntry("s", "0.1.0");
        assertThat(b.pairs().get("s")).hasSize(600);
        assertThat(b.pairs().get("s").values()).anyMatch(Baseline.PairResult::weak);
    }

    @Test
    void aWeakerCandidateFailsTheRegressionGateOnlyWhereItIsWeaker() throws IOException {
        Path suite = suite();
        Path baseline = record(suite, "sim:gpt-4o");

        // gpt-4o-regressed has Swahili 25 points weaker and French unchanged
        EngineExecutionResults candidate = run(suite, "sim:gpt-4o-regressed", Map.of("clp.baseline", baseline.toString()));

        candidate.testEvents().assertThatEvents().haveExactly(1, event(test("gate:regression"), test("lang:sw"),
                finishedWithFailure(message(m -> m.startsWith("[lang=sw] Swahili regression: n=")
                        && m.contains("→ FAIL")))));
        candidate.testEvents().assertThatEvents().haveExactly(1, event(test("gate:regression"), test("lang:fr"),
                finishedSuccessfully()));
        JsonNode gates = new ObjectMapper().readTree(tmp.resolve("results/gates.json").toFile());
        assertThat(gates.get("failed").asBoolean()).isTrue();
        assertThat(gates.get("gates")).hasSize(6);
        // fr: coverage, gap, regression; sw: coverage, gap, regression (every language now has a coverage gate).
        // With tolerance 0 "no worse at all" cannot be proven, so an unchanged language is INCONCLUSIVE
        // (non-blocking: 300 pairs detect the threshold, so it is not underpowered), never FAIL
        assertThat(gates.get("gates").findValuesAsText("kind")).containsExactly("coverage", "gap", "regression",
                "coverage", "gap", "regression");
        assertThat(gates.get("gates").findValuesAsText("verdict")).containsExactly("PASS", "PASS", "INCONCLUSIVE",
                "PASS", "PASS", "FAIL");
        assertThat(gates.get("gates").findValuesAsText("fails")).containsExactly("false", "false", "false",
                "false", "false", "true");
        assertThat(gates.get("gates").get(2).get("difference").asDouble()).isZero();
        assertThat(gates.get("gates").get(5).get("minimumDetectableEffect").asDouble()).isBetween(0.01, 0.2);
    }

    @Test
    void theSameModelAgainstItsOwnBaselinePassesAndItsWeakPairsAreKnown() {
        Path suite = suite();
        Path baseline = record(suite, "sim:gpt-4o");

        EngineExecutionResults again = run(suite, "sim:gpt-4o", Map.of("clp.baseline", baseline.toString(),
                "clp.fail-on", "pairs"));

        again.testEvents().assertStatistics(s -> s.failed(0));
        // a known weak pair was measured: it passes with its note, it is not a skipped test
        assertThat(again.allEvents().reportingEntryPublished().stream()
                .map(e -> e.getPayload(org.junit.platform.engine.reporting.ReportEntry.class).orElseThrow())
                .map(r -> r.getKeyValuePairs().get(PairDescriptor.NOTE_KEY)).filter(v -> v != null))
                .isNotEmpty().allMatch(n -> n.startsWith("KNOWN WEAK [lang="));
        assertThat(again.testEvents().aborted().stream().map(e -> e.getPayload(
                org.junit.platform.engine.TestExecutionResult.class).flatMap(r -> r.getThrowable())
                .map(Throwable::getMessage).orElse(""))).noneMatch(m -> m.startsWith("KNOWN WEAK"));
    }

    @Test
    void aMissingBaselineFileStopsTheRunNamingIt() {
        Path suite = SuiteFixtures.suite(tmp.resolve("t"), "t", 2, "sw");
        EngineExecutionResults results = run(suite, "sim:gpt-4o", Map.of("clp.baseline", tmp.resolve("nope.json").toString()));
        results.allEvents().assertThatEvents().haveExactly(1, event(engine(), finishedWithFailure(message(
                "clp.baseline: " + tmp.resolve("nope.json") + ": baseline file not found"))));
    }

    @Test
    void updateWithoutAFileIsAConfigurationError() {
        Path suite = SuiteFixtures.suite(tmp.resolve("t"), "t", 2, "sw");
        EngineTestKit.Builder kit = kit(suite, "sim:gpt-4o", Map.of("clp.baseline.update", "true"));
        // an error discovery issue, which the launcher fails the engine with before any test starts
        assertThat(kit.discover().getDiscoveryIssues().stream().map(org.junit.platform.engine.DiscoveryIssue::message))
                .containsExactly("clp.baseline.update=true needs clp.baseline=<file> to write the baseline to");
        EngineExecutionResults results = kit.execute();
        results.allEvents().assertThatEvents().haveExactly(1, event(engine(), finishedWithFailure(message(m -> m.contains(
                "clp.baseline.update=true needs clp.baseline=<file> to write the baseline to")))));
    }

    @Test
    void withSeveralSamplesTheOutcomeIsTheMajorityAndDisagreementIsMarkedFlaky() throws IOException {
        Path suite = SuiteFixtures.suite(tmp.resolve("k"), "k", 60, "yo");
        run(suite, "sim:llama-3.1-8b", Map.of("clp.samples", "3", "clp.temperature", "0.7"))
                .testEvents().assertStatistics(s -> s.failed(0));
        JsonNode runJson = new ObjectMapper().readTree(tmp.resolve("results/run.json").toFile());
        JsonNode yo = runJson.get("languages").get(0);
        assertThat(yo.get("flaky").asInt()).isPositive();
        assertThat(runJson.get("pairs").get(0).get("target").get("answers")).hasSize(3);
        assertThat(runJson.get("settings").get("samples").asInt()).isEqualTo(3);
    }
}
