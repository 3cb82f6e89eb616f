package dev.clp.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.engine;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clp.testing.EngineRun;
import dev.clp.testing.SuiteFixtures;
import dev.clp.testing.TmpfsMount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Reporting cannot change a verdict: an Allure or results directory that fails mid-run (replaced by a file, a tmpfs
 * filled up) costs no answer and no gate; the failure is reported once, by the engine, with the path and the reason;
 * a directory that cannot be written is found before the first model call.
 */
class ResultsDiskTest {

    @TempDir
    Path tmp;

    private final MockWebServer server = new MockWebServer();
    private final AtomicInteger requests = new AtomicInteger();
    /** Run on the n-th request (1-based), once. */
    private volatile int strikeAt = Integer.MAX_VALUE;
    private volatile Runnable strike = () -> { };

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (requests.incrementAndGet() == strikeAt) {
                    strike.run();
                }
                String body = request.getBody().readUtf8();
                String letter = body.contains("topic1") || body.contains("topic5") ? "B" : "A";
                return new MockResponse().setHeader("Content-Type", "application/json")
                        .setBody("{\"choices\":[{\"message\":{\"content\":\"" + letter + "\"}}],"
                                + "\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":1}}");
            }
        });
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    private EngineExecutionResults run(Path suite, Path results, Path allure) {
        return EngineRun.in(tmp).engine(new ClpTestEngine(Map.of()))
                .configurationParameter("clp.results.dir", results.toString())
                .configurationParameter("clp.allure.results-dir", allure.toString())
                .configurationParameter("clp.model", "openai:mock")
                .configurationParameter("clp.endpoint", server.url("/v1").toString())
                .configurationParameter("clp.cache", "off")
                .configurationParameter("clp.concurrency", "1")
                .configurationParameter("clp.eager-start", "true")
                // 20 pairs cannot detect the threshold; these tests are about the disk, not the gates
                .configurationParameter("clp.gate.allow-underpowered", "true")
                .selectors(selectDirectory(suite.toFile()))
                .execute();
    }

    private static List<String> summaries(EngineExecutionResults results) {
        return results.allEvents().reportingEntryPublished().stream()
                .map(e -> e.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs()
                        .get(ClpEngineDescriptor.SUMMARY_KEY))
                .filter(java.util.Objects::nonNull).toList();
    }

    private static Map<String, String> outcomes(Path runJson) throws IOException {
        JsonNode run = new ObjectMapper().readTree(runJson.toFile());
        Map<String, String> m = new HashMap<>();
        run.get("pairs").forEach(p -> m.put(p.get("id").asText(), p.get("outcome").asText()));
        return m;
    }

    /** Every pair and gate decided as without the failure; the engine alone fails, once, naming path and reason. */
    private static void assertVerdictsKept(EngineExecutionResults results, String path, String reason) {
        results.testEvents().assertThatEvents().doNotHave(event(test(), finishedWithFailure(message(m ->
                m.contains("Allure") || m.contains("cannot write")))));
        assertThat(results.testEvents().succeeded().count() + results.testEvents().aborted().count()
                + results.testEvents().failed().count()).as("20 pairs, the coverage and the gap gate").isEqualTo(22);
        results.testEvents().assertThatEvents().haveExactly(2, event(test("gate"), finishedSuccessfully()));
        results.allEvents().assertThatEvents().haveExactly(1, event(container(), finishedWithFailure()));
        results.allEvents().assertThatEvents().haveExactly(1, event(engine(), finishedWithFailure(message(m ->
                m.contains(path) && java.util.Arrays.stream(reason.split("\\|")).anyMatch(m::contains)
                        && m.contains("every verdict")))));
        List<String> summaries = summaries(results);
        assertThat(summaries).as("the verdict table is published").hasSize(1);
        assertThat(summaries.get(0)).contains("Swahili").contains("NOT WRITTEN: ").contains(path);
    }

    @Test
    void anAllureDirectoryThatGoesAwayMidRunCostsNoPairAndNoGate() throws IOException {
        Path suite = SuiteFixtures.suite(tmp.resolve("s"), "s", 20, "sw");
        Path allure = tmp.resolve("allure-results");
        Path results = tmp.resolve("results");
        strikeAt = 10;
        strike = () -> {
            try {
                // the directory is moved away and a file takes its place: every later write fails, root's too
                Files.move(allure, tmp.resolve("allure-moved"));
                Files.writeString(allure, "not a directory");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        EngineExecutionResults r = run(suite, results, allure);
        assertThat(requests.get()).isEqualTo(40);
        Map<String, String> outcomes = outcomes(results.resolve("run.json"));
        assertThat(outcomes).hasSize(20);
        assertThat(outcomes.values()).doesNotContain("error");
        assertThat(results.resolve("gates.json")).exists();
        // a writer on a worker thread may meet the moment between the move and the file taking the directory's place
        assertVerdictsKept(r, allure.toString(), "Not a directory|NoSuchFileException");
    }

    @Test
    void aFullAllureDiskLeavesNoEmptyResultFilesAndKeepsRunJson() throws Exception {
        TmpfsMount mount = TmpfsMount.create(tmp.resolve("mnt"), "1m");
        try {
            Path suite = SuiteFixtures.suite(tmp.resolve("s"), "s", 20, "sw");
            Path allure = mount.dir().resolve("allure-results");
            Path results = tmp.resolve("results");
            strikeAt = 10;
            strike = mount::fill;
            EngineExecutionResults r = run(suite, results, allure);
            Map<String, String> outcomes = outcomes(results.resolve("run.json"));
            assertThat(outcomes.values()).hasSize(20).doesNotContain("error");
            assertVerdictsKept(r, allure.toString(), "No space left on device");
            try (Stream<Path> files = Files.list(allure)) {
                for (Path f : files.toList()) {
                    String name = f.getFileName().toString();
                    assertThat(name).as("no temporary file left").doesNotEndWith(".tmp");
                    if (name.endsWith("-result.json")) {
                        assertThat(Files.size(f)).as("%s is not empty", name).isPositive();
                        new ObjectMapper().readTree(f.toFile()); // and whole
                    }
                }
            }
        } finally {
            mount.unmount();
        }
    }

    @Test
    void aFullResultsDiskStillPrintsEveryVerdictAndLeavesNoTemporaryFile() throws Exception {
        TmpfsMount mount = TmpfsMount.create(tmp.resolve("mnt"), "1m");
        try {
            Path suite = SuiteFixtures.suite(tmp.resolve("s"), "s", 20, "sw");
            Path results = mount.dir().resolve("results");
            strikeAt = 1;
            strike = mount::fill;
            EngineExecutionResults r = run(suite, results, tmp.resolve("allure"));
            assertVerdictsKept(r, results.resolve("run.json").toString(), "No space left on device");
            try (Stream<Path> files = Files.list(results)) {
                assertThat(files.map(p -> p.getFileName().toString()).toList()).as("no .run.json…tmp left")
                        .noneMatch(n -> n.endsWith(".tmp"));
            }
        } finally {
            mount.unmount();
        }
    }

    @Test
    void aResultsDirectoryThatCannotBeWrittenStopsTheRunBeforeTheFirstCall() throws IOException {
        Path suite = SuiteFixtures.suite(tmp.resolve("s"), "s", 5, "sw");
        Path blocker = Files.writeString(tmp.resolve("a-file"), "x");
        Path results = blocker.resolve("results");
        EngineExecutionResults r = run(suite, results, tmp.resolve("allure"));
        r.allEvents().assertThatEvents().haveExactly(1, event(engine(), finishedWithFailure(message(m ->
                m.startsWith("clp.results.dir: " + results + ": cannot write")))));
        assertThat(requests.get()).as("no call paid for").isZero();
    }

    @Test
    void anAllureDirectoryThatCannotBeWrittenStopsTheRunBeforeTheFirstCall() throws IOException {
        Path suite = SuiteFixtures.suite(tmp.resolve("s"), "s", 5, "sw");
        Path blocker = Files.writeString(tmp.resolve("a-file"), "x");
        Path allure = blocker.resolve("allure");
        EngineExecutionResults r = run(suite, tmp.resolve("results"), allure);
        r.allEvents().assertThatEvents().haveExactly(1, event(engine(), finishedWithFailure(message(m ->
                m.startsWith("clp.allure.results-dir: " + allure + ": cannot write")))));
        assertThat(requests.get()).as("no call paid for").isZero();
    }
}
