package dev.clp.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import dev.clp.run.RunDocument;
import dev.clp.run.RunJournal;
import dev.clp.testing.ChildJvm;
import dev.clp.testing.EngineRun;
import dev.clp.testing.SuiteFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * run.json written as the run goes ({@link RunJournal}): the same bytes as the record written whole, and a run
 * stopped before its end leaves a run.json marked partial with every pair reported until then (SIGTERM), or its
 * journal, which the next run names with the answers it took from the cache (SIGKILL).
 */
class StreamedRunRecordTest {

    @TempDir
    Path tmp;

    private final MockWebServer server = new MockWebServer();

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    @Test
    void runJsonHasTheBytesOfTheRecordWrittenWhole() throws IOException {
        EngineRun run = EngineRun.in(tmp);
        run.engine(Map.of()).configurationParameter("clp.model", "sim:llama-3.1-8b")
                .configurationParameter("clp.samples", "3").configurationParameter("clp.temperature", "0.7")
                .selectors(selectDirectory(SuiteFixtures.starterSuite().toFile())).execute();
        Path streamed = run.resultsDir().resolve(RunDocument.FILE);
        RunDocument doc = RunDocument.read(streamed);
        assertThat(doc.pairs()).hasSize(16 * 12);
        assertThat(doc.partial()).isNull();
        assertThat(Files.exists(run.resultsDir().resolve(RunJournal.FILE))).as("the journal is removed").isFalse();
        // the record as RunDocument.write serializes it in one piece: what the engine wrote before it streamed
        Path whole = doc.write(tmp.resolve("whole.json"));
        assertThat(Files.readString(streamed)).isEqualTo(Files.readString(whole));

        // and entries a simulator does not give: text to escape, other scripts, log probabilities, no sides
        List<RunDocument.PairResult> pairs = new ArrayList<>(doc.pairs());
        Map<String, Double> probabilities = new LinkedHashMap<>();
        probabilities.put("A", 0.1234567890123);
        probabilities.put("B", 1e-9);
        RunDocument.Side odd = new RunDocument.Side("B", "?", 0.0, List.of("line 1\nline \"2\" \u0007 — 答え ✓"),
                List.of("unparseable: no letter"), java.util.Arrays.asList(probabilities, null));
        pairs.add(new RunDocument.PairResult("s", "id-1", "zh", "问题 \t tab", "unparseable", null, odd, odd, "m\u2028"));
        pairs.add(new RunDocument.PairResult("s", "id-2", "sw", "q", "error", null, null, null, "error: 503"));
        RunDocument more = new RunDocument(doc.format(), doc.model(), doc.simulated(), doc.startedAt(),
                doc.finishedAt(), doc.settings(), doc.usage(), doc.suites(), "baseline:model", doc.languages(), pairs);
        Path dir = Files.createDirectories(tmp.resolve("journal"));
        try (RunJournal journal = RunJournal.open(dir)) {
            pairs.forEach(p -> journal.record(journal.append(p)));
            assertThat(journal.entries()).isEqualTo(pairs.size());
            assertThat(journal.read(pairs.size() - 2)).isEqualTo(pairs.get(pairs.size() - 2));
            Path out = journal.write(new RunDocument(more.format(), more.model(), more.simulated(), more.startedAt(),
                    more.finishedAt(), more.settings(), more.usage(), more.suites(), more.baselineModel(),
                    more.languages(), List.of()), dir.resolve(RunDocument.FILE));
            assertThat(Files.readString(out)).isEqualTo(Files.readString(more.write(tmp.resolve("more.json"))));
        }
    }

    /** Runs the starter suite against the endpoint in args[2] into args[1]; stopped by the test. */
    public static final class RunUntilStopped {
        public static void main(String[] args) {
            LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectDirectory(args[0]))
                    .configurationParameter("clp.model", "openai:slow")
                    .configurationParameter("clp.endpoint", args[2])
                    .configurationParameter("clp.concurrency", "2")
                    .configurationParameter("clp.results.dir", args[1])
                    .configurationParameter("clp.allure.results-dir", args[1] + "/allure")
                    .configurationParameter("clp.cache.path", args[1] + "/cache.sqlite")
                    .configurationParameter("clp.progress", "off")
                    .build());
        }
    }

    private Process startSlowRun(Path results) throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                Thread.sleep(40);
                return new MockResponse().setHeader("Content-Type", "application/json")
                        .setBody("{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"Answer: A\"},"
                                + "\"finish_reason\":\"stop\"}]}");
            }
        });
        server.start();
        return ChildJvm.of(RunUntilStopped.class, List.of(), SuiteFixtures.starterSuite().toString(),
                results.toString(), server.url("/v1").toString()).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("child.txt").toFile()).start();
    }

    /** Waits until the run's journal holds at least {@code n} pairs. */
    private static int awaitJournal(Path results, int n) throws InterruptedException, IOException {
        Path journal = results.resolve(RunJournal.FILE);
        for (int i = 0; i < 1200; i++) {
            if (Files.exists(journal)) {
                int lines = Files.readAllLines(journal, StandardCharsets.UTF_8).size();
                if (lines >= n) {
                    return lines;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the run recorded fewer than " + n + " pairs in a minute");
    }

    @Test
    void aRunStoppedBySigtermLeavesARunJsonMarkedPartial() throws Exception {
        assumeTrue(ChildJvm.available(), "run through Maven: the build writes the runtime classpath");
        Path results = tmp.resolve("results");
        Process child = startSlowRun(results);
        try {
            awaitJournal(results, 5);
            child.destroy();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        RunDocument partial = RunDocument.read(results.resolve(RunDocument.FILE));
        assertThat(partial.partial()).as(Files.readString(tmp.resolve("child.txt")))
                .startsWith("interrupted before the run finished").contains("of 192 pairs recorded, no gate decided");
        assertThat(partial.languages()).as("no gate was decided").isEmpty();
        assertThat(partial.pairs().size()).isBetween(5, 191);
        assertThat(partial.partial()).contains(partial.pairs().size() + " of 192");
        assertThat(partial.pairs()).allSatisfy(p -> assertThat(p.outcome()).isNotBlank());
        assertThat(Files.exists(results.resolve(RunJournal.FILE))).as("its pairs are in run.json").isFalse();
    }

    @Test
    void aRunKilledOutrightLeavesItsJournalAndTheNextRunSaysWhatItReplayed() throws Exception {
        assumeTrue(ChildJvm.available(), "run through Maven: the build writes the runtime classpath");
        Path results = tmp.resolve("results");
        Process child = startSlowRun(results);
        int journaled;
        try {
            awaitJournal(results, 20);
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        journaled = RunJournal.leftover(results);
        assertThat(journaled).as("every pair reported before the kill").isGreaterThanOrEqualTo(20);
        assertThat(Files.exists(results.resolve(RunDocument.FILE))).isFalse();

        int before = server.getRequestCount();
        EngineExecutionResults rerun = EngineRun.in(tmp).engine(Map.of())
                .configurationParameter("clp.model", "openai:slow")
                .configurationParameter("clp.endpoint", server.url("/v1").toString())
                .configurationParameter("clp.concurrency", "8")
                .configurationParameter("clp.results.dir", results.toString())
                .configurationParameter("clp.cache.path", results.resolve("cache.sqlite").toString())
                .selectors(selectDirectory(SuiteFixtures.starterSuite().toFile())).execute();
        String summary = rerun.allEvents().reportingEntryPublished().stream()
                .map(e -> e.getPayload(org.junit.platform.engine.reporting.ReportEntry.class).orElseThrow())
                .map(r -> r.getKeyValuePairs().get(ClpEngineDescriptor.SUMMARY_KEY)).filter(v -> v != null)
                .findFirst().orElseThrow();
        int asked = server.getRequestCount() - before;
        assertThat(asked).as("the answers the killed run was paid for are not asked again").isLessThan(204);
        assertThat(summary).contains("RESUMED: an earlier run into " + results + " was killed before it finished "
                + "(its journal held " + journaled + " pairs); this run took " + (204 - asked)
                + " answers from the response cache");
        RunDocument finished = RunDocument.read(results.resolve(RunDocument.FILE));
        assertThat(finished.partial()).isNull();
        assertThat(finished.pairs()).hasSize(192);
        assertThat(RunJournal.leftover(results)).isEqualTo(-1);
    }
}
