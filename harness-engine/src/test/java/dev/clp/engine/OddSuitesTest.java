package dev.clp.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.testkit.engine.EventConditions.engine;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.clp.testing.Fifo;
import dev.clp.testing.EngineRun;
import dev.clp.testing.SuiteFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Suite folders that are not what they seem: no suite.json, two suites with one id, a FIFO for a pairs file. */
class OddSuitesTest {

    @TempDir
    Path tmp;

    private EngineTestKit.Builder kit(Map<String, String> env, Path root) {
        return EngineRun.in(tmp).engine(new ClpTestEngine(env))
                .configurationParameter("clp.results.dir", tmp.resolve("results").toString())
                .configurationParameter("clp.model", "sim:perfect")
                .configurationParameter("clp.allow-simulated", "true")
                .selectors(selectDirectory(root.toFile()));
    }

    /** A folder of pairs files without suite.json beside a real suite, under one root. */
    private Path rootWithAPairsFolderWithoutManifest() throws IOException {
        Path root = tmp.resolve("suites");
        SuiteFixtures.suite(root.resolve("real"), "real", 2, "sw");
        Path orphan = SuiteFixtures.suite(root.resolve("orphan"), "orphan", 2, "yo");
        Files.delete(orphan.resolve("suite.json"));
        return root;
    }

    @Test
    void aPairsFolderWithoutSuiteJsonIsReportedNotSkipped() throws IOException {
        Path root = rootWithAPairsFolderWithoutManifest();
        EngineTestKit.Builder builder = kit(Map.of(), root);
        List<DiscoveryIssue> issues = builder.discover().getDiscoveryIssues();
        Path orphan = root.resolve("orphan").toAbsolutePath().normalize();
        assertThat(issues).singleElement().satisfies(i -> {
            assertThat(i.severity()).isEqualTo(DiscoveryIssue.Severity.WARNING);
            assertThat(i.message()).startsWith(orphan + ": holds pairs files (pairs-yo.jsonl) but no suite.json");
        });
        builder.execute().allEvents().assertThatEvents().doNotHave(event(engine(), finishedWithFailure()));
    }

    @Test
    void aPairsFolderWithoutSuiteJsonIsAnErrorInCi() throws IOException {
        Path root = rootWithAPairsFolderWithoutManifest();
        EngineTestKit.Builder builder = kit(Map.of("CI", "true"), root);
        assertThat(builder.discover().getDiscoveryIssues()).singleElement().satisfies(i ->
                assertThat(i.severity()).isEqualTo(DiscoveryIssue.Severity.ERROR));
        EngineExecutionResults results = builder.execute();
        assertRunFails(results, "no suite.json");
    }

    @Test
    void twoSuitesSharingAnIdAreAnErrorNamingBoth() throws IOException {
        Path root = tmp.resolve("suites");
        Path a = SuiteFixtures.suite(root.resolve("a"), "same", 2, "sw");
        Path b = SuiteFixtures.suite(root.resolve("b"), "same", 3, "sw");
        EngineTestKit.Builder builder = kit(Map.of(), root);
        List<DiscoveryIssue> issues = builder.discover().getDiscoveryIssues();
        assertThat(issues).singleElement().satisfies(i -> {
            assertThat(i.severity()).isEqualTo(DiscoveryIssue.Severity.ERROR);
            assertThat(i.message()).contains("'same'").contains(a.toAbsolutePath().normalize().resolve("suite.json")
                    .toString()).contains(b.toAbsolutePath().normalize().resolve("suite.json").toString());
        });
        assertRunFails(builder.execute(), "share the suite id 'same'");
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aFifoNamedLikeAPairsFileIsReportedAndNeverRead() throws Exception {
        Path suite = SuiteFixtures.suite(tmp.resolve("s"), "s", 2, "sw");
        Path fifo = suite.resolve("pairs-yo.jsonl");
        Fifo.create(fifo);
        try {
            // 2 pairs cannot detect the threshold; this test is about the FIFO, so it accepts that deliberately
            EngineExecutionResults results = kit(Map.of(), suite)
                    .configurationParameter("clp.gate.allow-underpowered", "true").execute();
            results.testEvents().assertThatEvents().haveExactly(1, event(test("problem"), finishedWithFailure(
                    message(m -> m.contains(fifo.toAbsolutePath().toString()) && m.contains("not a regular file")))));
            // the language with nothing read has no gate to error: only the problem fails
            results.testEvents().assertStatistics(s -> s.failed(1));
        } finally {
            Fifo.unblock(fifo);
        }
    }

    /** The run does not pass: the engine fails (critical discovery issue) or a problem test fails naming it. */
    private static void assertRunFails(EngineExecutionResults results, String text) {
        assertThat(results.allEvents().failed().stream().map(e -> e.getPayload(
                org.junit.platform.engine.TestExecutionResult.class).flatMap(r -> r.getThrowable())
                .map(OddSuitesTest::allMessages).orElse("")).filter(m -> m.contains(text)).count())
                .as("a failure saying '%s'", text).isPositive();
    }

    private static String allMessages(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            sb.append(c.getMessage()).append('\n');
            for (Throwable s : c.getSuppressed()) {
                sb.append(allMessages(s));
            }
        }
        return sb.toString();
    }
}
