package dev.clp.probes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clp.probes.sim.SimulatedText;
import dev.clp.suite.Pair;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorTest {

    @TempDir
    Path tmp;

    @Test
    void everyAcceptedPairMeetsTheAcceptanceRuleAndCarriesItsProvenance() {
        Generator.Report r = GeneratorFixture.run(GeneratorFixture.settings(SearchStrategy.IMPROVED, "sw"), tmp.resolve("cp"));

        assertThat(r.accepted()).hasSizeGreaterThan(20);
        for (Pair p : r.accepted()) {
            assertThat(p.lang()).isEqualTo("sw");
            assertThat(p.id()).startsWith("sw-");
            assertThat(p.provenance()).containsEntry("strategy", "improved").containsEntry("rateEn", 1.0)
                    .containsEntry("date", "2026-11-22").containsEntry("simulated", true)
                    .containsEntry("panel", GeneratorFixture.PANEL).containsKeys("score", "seed", "generator");
            assertThat((Double) p.provenance().get("rateTarget")).isLessThanOrEqualTo(0.4);
            assertThat(p.perturbation().steps()).isBetween(1, 6);
            assertThat(p.en().question()).contains(p.perturbation().en().original());
            assertThat(p.target().question()).as("a simulated translation is marked")
                    .startsWith(SimulatedText.marker("sw").strip().substring(0, 5));
            assertThat(SimulatedDefects.graded(p)).as("the simulation's record holds %s", p.id()).isTrue();
        }
        assertThat(r.accepted().stream().collect(java.util.stream.Collectors.groupingBy(
                p -> p.provenance().get("seed"), java.util.stream.Collectors.counting())).values())
                .as("at most 3 pairs per seed question").allMatch(n -> n <= 3);
    }

    @Test
    void heldOutModelsAreAskedAboutAcceptedPairsAndTheVerdictIsKept() {
        GeneratorSettings settings = GeneratorFixture.settings(SearchStrategy.IMPROVED, "sw").toBuilder()
                .holdout(List.of("sim:perfect", "sim:gpt-4o-regressed")).maxSeeds(24).build();

        Generator.Report r = GeneratorFixture.run(settings, tmp.resolve("cp"));

        assertThat(r.accepted()).isNotEmpty();
        assertThat(r.callsByKind().get("holdout")).isPositive();
        for (Pair p : r.accepted()) {
            assertThat(p.provenance().get("holdout")).as(p.id()).isInstanceOf(java.util.Map.class);
            var verdicts = (java.util.Map<?, ?>) p.provenance().get("holdout");
            assertThat(verdicts.get("sim:perfect")).as("a perfect model is never fooled").isEqualTo("not fooled");
            assertThat(verdicts.get("sim:gpt-4o-regressed")).isIn("fooled", "not fooled", "english wrong", "unparseable");
        }
        assertThat(r.accepted()).anySatisfy(p -> assertThat(((java.util.Map<?, ?>) p.provenance().get("holdout"))
                .get("sim:gpt-4o-regressed")).isEqualTo("fooled"));
    }

    @Test
    void seedsAlreadyInTheSuiteAreSkippedAsNearDuplicatesBeforeAnyCall() {
        GeneratorSettings settings = GeneratorFixture.settings(SearchStrategy.IMPROVED, "sw");
        List<Pair> suite = GeneratorFixture.run(settings, tmp.resolve("first")).accepted();

        Generator.Report again = GeneratorFixture.run(settings, tmp.resolve("second"), suite);

        long seedsInSuite = suite.stream().map(p -> p.provenance().get("seed")).distinct().count();
        assertThat(again.seedsSkipped().get("near-duplicate")).isEqualTo((int) seedsInSuite);
        assertThat(again.accepted()).noneMatch(p -> suite.stream().anyMatch(q -> q.id().equals(p.id())));
    }

    @Test
    void bothStrategiesAreGradedByTheSimulationsRecordAndTheImprovedChecksKeepMoreDefectsOut() {
        Generator.Report ref = GeneratorFixture.run(GeneratorFixture.settings(SearchStrategy.REFERENCE, "yo"), tmp.resolve("r"));
        Generator.Report imp = GeneratorFixture.run(GeneratorFixture.settings(SearchStrategy.IMPROVED, "yo"), tmp.resolve("i"));
        long refDefects = ref.accepted().stream().filter(p -> SimulatedDefects.of(p).isPresent()).count();
        long impDefects = imp.accepted().stream().filter(p -> SimulatedDefects.of(p).isPresent()).count();
        double refSound = (ref.accepted().size() - refDefects) * 1000.0 / ref.calls();
        double impSound = (imp.accepted().size() - impDefects) * 1000.0 / imp.calls();
        System.out.printf(Locale.ROOT, "generator efficiency (24 seeds, yo, simulated panel): reference %d calls, %d "
                + "accepted (%d with a defect), %.2f sound per 1,000 calls, %.2f calls per graded answer; improved %d "
                + "calls, %d accepted (%d with a defect), %.2f sound per 1,000 calls, %.2f calls per graded answer%n",
                ref.calls(), ref.accepted().size(), refDefects, refSound, ref.callsPerGradedAnswer(), imp.calls(),
                imp.accepted().size(), impDefects, impSound, imp.callsPerGradedAnswer());

        assertThat(ref.accepted()).allMatch(SimulatedDefects::graded);
        assertThat(imp.accepted()).allMatch(SimulatedDefects::graded);
        assertThat(refDefects).as("the reference has no checks: the simulation's faults get through").isPositive();
        assertThat(impDefects / (double) imp.accepted().size()).as("the checks keep a part of them out, not all")
                .isLessThan(refDefects / (double) ref.accepted().size());
        assertThat(impSound).isGreaterThan(refSound);
        assertThat(imp.callsPerGradedAnswer()).isEqualTo(1.0);
        assertThat(ref.callsPerGradedAnswer()).as("the published second call per answer").isGreaterThan(1.2);
    }

    @Test
    void aRunStoppedByItsBudgetAndResumedEndsLikeAnUninterruptedOneWithoutSendingACallTwice() {
        GeneratorSettings settings = GeneratorFixture.settings(SearchStrategy.IMPROVED, "sw");
        Generator.Report whole = GeneratorFixture.run(settings, tmp.resolve("whole"));

        Generator.Report first = GeneratorFixture.run(settings.withBudget(300, 0), tmp.resolve("parts"));
        assertThat(first.stoppedBy()).hasValueSatisfying(v -> assertThat(v).contains("--max-calls 300"));
        assertThat(first.calls()).isEqualTo(300);
        Generator.Report rest = GeneratorFixture.run(settings, tmp.resolve("parts"));

        assertThat(rest.stoppedBy()).isEmpty();
        assertThat(lines(rest.accepted())).isEqualTo(lines(whole.accepted()));
        assertThat(first.calls() + rest.calls()).isEqualTo(whole.calls());
        assertThat(rest.replayed()).isPositive();
    }

    @Test
    void aRunKilledAtARandomPointAndRestartedLosesNoPairAndRepeatsNoRecordedCall() throws Exception {
        long seed = System.nanoTime();
        int killAfter = 50 + new Random(seed).nextInt(700);
        GeneratorSettings settings = GeneratorFixture.settings(SearchStrategy.IMPROVED, "sw");
        Generator.Report whole = GeneratorFixture.run(settings, tmp.resolve("whole"));
        assertThat(whole.calls()).isGreaterThan(killAfter);

        Path cp = tmp.resolve("killed");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                classpath, "dev.clp.probes.GeneratorFixture$Child", cp.toString(), String.valueOf(killAfter))
                .redirectErrorStream(true).start();
        // the child answers killAfter model calls, then says so and holds every later call: killed there, no polling
        StringBuilder log = new StringBuilder();
        boolean holding = false;
        try (java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(
                child.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))) {
            // (not a for loop: its update would read once more after the holding line, and wait for the child forever)
            String line;
            while (!holding && (line = out.readLine()) != null) {
                log.append(line).append('\n');
                holding = line.equals(GeneratorFixture.Child.HOLDING);
            }
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no cleanup
        }
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(holding).as("the child reached %d calls (seed %d; log %s)", killAfter, seed, log).isTrue();
        assertThat(child.exitValue()).as("killed, not finished (seed %d, kill after %d calls; log %s)", seed, killAfter,
                log).isNotZero();
        long recordedAtKill = recorded(cp);

        Generator.Report resumed = GeneratorFixture.run(settings, cp);

        assertThat(lines(resumed.accepted())).as("seed %d, killed after %d calls", seed, recordedAtKill)
                .isEqualTo(lines(whole.accepted()));
        assertThat(resumed.calls()).as("calls sent after the restart: only those never recorded")
                .isEqualTo(whole.calls() - recordedAtKill);
    }

    private static long recorded(Path cp) throws Exception {
        if (!java.nio.file.Files.exists(cp)) {
            return 0;
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + cp);
                ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM calls")) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (java.sql.SQLException e) {
            return 0; // the child is creating the file
        }
    }

    private static List<String> lines(List<Pair> pairs) {
        List<String> out = new ArrayList<>();
        pairs.forEach(p -> out.add(dev.clp.suite.SuiteWriter.toJsonLine(p)));
        return out;
    }
}
