package dev.clp.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.testkit.engine.EventConditions.engine;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clp.model.internal.ResponseCache;
import dev.clp.testing.EngineRun;
import dev.clp.testing.SuiteFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** The SQLite response cache through the engine: warm reruns, replay, samples, a corrupt file. */
class ResponseCacheTest {

    @TempDir
    Path tmp;

    private final MockWebServer server = new MockWebServer();
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.incrementAndGet();
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

    private EngineExecutionResults run(Path suite, String mode, Map<String, String> extra) {
        return EngineRun.in(tmp).engine(new ClpTestEngine(Map.of()))
                .configurationParameter("clp.results.dir", tmp.resolve("results").toString())
                .configurationParameter("clp.model", "openai:mock")
                .configurationParameter("clp.endpoint", server.url("/v1").toString())
                .configurationParameter("clp.cache", mode)
                .configurationParameter("clp.cache.path", tmp.resolve("cache/responses.sqlite").toString())
                .configurationParameters(extra)
                .selectors(selectDirectory(suite.toFile()))
                .execute();
    }

    private Map<String, String> outcomes() throws IOException {
        JsonNode run = new ObjectMapper().readTree(tmp.resolve("results/run.json").toFile());
        Map<String, String> m = new HashMap<>();
        run.get("pairs").forEach(p -> m.put(p.get("id").asText(), p.get("outcome").asText()));
        return m;
    }

    @Test
    void aWarmRerunMakesNoHttpCallAndGivesTheSameResults() throws IOException {
        Path suite = SuiteFixtures.suite(tmp.resolve("s"), "s", 20, "sw", "yo");
        run(suite, "read-write", Map.of());
        int cold = requests.get();
        Map<String, String> first = outcomes();
        assertThat(cold).isEqualTo(20 + 2 * 20);
        JsonNode coldUsage = new ObjectMapper().readTree(tmp.resolve("results/run.json").toFile()).get("usage");
        assertThat(coldUsage.get("callSpanSeconds").asDouble()).as("first call sent to last answer").isPositive();
        assertThat(coldUsage.get("firstCallAfterStartSeconds").asDouble()).isPositive();

        run(suite, "read-write", Map.of());
        assertThat(requests.get()).as("no HTTP call on a warm cache").isEqualTo(cold);
        assertThat(outcomes()).isEqualTo(first);

        run(suite, "replay", Map.of());
        assertThat(requests.get()).isEqualTo(cold);
        assertThat(outcomes()).isEqualTo(first);
        JsonNode usage = new ObjectMapper().readTree(tmp.resolve("results/run.json").toFile()).get("usage");
        assertThat(usage.get("modelCalls").asInt()).isZero();
        assertThat(usage.has("callSpanSeconds")).as("no calls, no call span").isFalse();
        assertThat(usage.get("cacheHits").asInt()).isEqualTo(60);
    }

    @Test
    void replayNeverTouchesTheNetworkAndAMissNamesThePair() {
        Path suite = SuiteFixtures.suite(tmp.resolve("s"), "s", 2, "sw");
        ResponseCache.open(tmp.resolve("cache/responses.sqlite")).close(); // a recorded cache without these pairs
        EngineExecutionResults results = run(suite, "replay", Map.of());
        assertThat(requests.get()).isZero();
        results.testEvents().assertThatEvents().haveAtLeastOne(event(test("pair"), finishedWithFailure(message(m ->
                m.contains("clp.cache=replay: no cached response for pair sw-") && m.contains("English side")
                        && m.contains(tmp.resolve("cache/responses.sqlite").toString())))));
    }

    @Test
    void replayNeedsNoApiKeyEvenForTheDefaultEndpoint() {
        Path suite = SuiteFixtures.suite(tmp.resolve("s"), "s", 1, "sw");
        ResponseCache.open(tmp.resolve("c.sqlite")).close();
        EngineExecutionResults results = EngineRun.in(tmp).engine(new ClpTestEngine(Map.of()))
                .configurationParameter("clp.results.dir", tmp.resolve("results").toString())
                .configurationParameter("clp.model", "openai:gpt-4o-mini")
                .configurationParameter("clp.cache", "replay")
                .configurationParameter("clp.cache.path", tmp.resolve("c.sqlite").toString())
                .selectors(selectDirectory(suite.toFile())).execute();
        results.allEvents().assertThatEvents().doNotHave(event(engine(), finishedWithFailure()));
    }

    @Test
    void eachSampleIsCachedOnItsOwn() {
        Path suite = SuiteFixtures.suite(tmp.resolve("s"), "s", 5, "sw");
        run(suite, "read-write", Map.of("clp.samples", "3", "clp.temperature", "0.7"));
        assertThat(requests.get()).isEqualTo(3 * (5 + 5));
        try (ResponseCache cache = ResponseCache.open(tmp.resolve("cache/responses.sqlite"))) {
            assertThat(cache.size()).isEqualTo(30);
        }
    }

    @Test
    void aCorruptCacheFileStopsTheRunWithItsName() throws IOException {
        Path suite = SuiteFixtures.suite(tmp.resolve("s"), "s", 1, "sw");
        Path file = tmp.resolve("cache/responses.sqlite");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "this is not a database, just some text that happens to be here ".repeat(100));
        EngineExecutionResults results = run(suite, "read-write", Map.of());
        results.allEvents().assertThatEvents().haveExactly(1, event(engine(), finishedWithFailure(message(m ->
                m.startsWith("clp.cache.path: " + file + ": not a usable SQLite cache") && m.contains("clp.cache=off")))));
        assertThat(requests.get()).isZero();
    }

    @Test
    void replayOfAMissingCacheFileSaysSoBeforeAnyCall() {
        Path suite = SuiteFixtures.suite(tmp.resolve("s"), "s", 1, "sw");
        Path file = tmp.resolve("cache/responses.sqlite");
        EngineExecutionResults results = run(suite, "replay", Map.of());
        results.allEvents().assertThatEvents().haveExactly(1, event(engine(), finishedWithFailure(message(m ->
                m.startsWith("clp.cache.path: " + file + ": no such cache file") && m.contains("clp.cache=read-write")))));
        assertThat(Files.exists(file)).as("replay creates no cache").isFalse();
    }

    @Test
    void aCacheThatCannotWriteKeepsEveryAnswerAndWarnsOnceInTheSummary() throws Exception {
        Path suite = SuiteFixtures.suite(tmp.resolve("s"), "s", 20, "sw");
        Path file = tmp.resolve("cache/responses.sqlite");
        ResponseCache.open(file).close();
        try (java.sql.Connection db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
                java.sql.Statement st = db.createStatement()) {
            // every insert fails as on a full disk (a tmpfs variant below fills a real one)
            st.execute("CREATE TRIGGER no_space BEFORE INSERT ON responses BEGIN "
                    + "SELECT RAISE(ABORT, 'database or disk is full'); END");
        }
        EngineExecutionResults results = run(suite, "read-write", Map.of());
        assertFullDiskKeptEverything(results, file, "database or disk is full");
    }

    @Test
    void aCacheOnADiskThatFillsUpMidRunKeepsEveryAnswer() throws Exception {
        dev.clp.testing.TmpfsMount mount = dev.clp.testing.TmpfsMount.create(tmp.resolve("mnt"), "2m");
        try {
            Path suite = SuiteFixtures.suite(tmp.resolve("s"), "s", 20, "sw");
            Path file = mount.dir().resolve("responses.sqlite");
            java.util.concurrent.atomic.AtomicBoolean filled = new java.util.concurrent.atomic.AtomicBoolean();
            Dispatcher answers = server.getDispatcher();
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                    if (filled.compareAndSet(false, true)) {
                        mount.fill(); // the disk is full from the first call on: no answer can be written
                    }
                    return answers.dispatch(request);
                }
            });
            EngineExecutionResults results = EngineRun.in(tmp).engine(new ClpTestEngine(Map.of()))
                    .configurationParameter("clp.results.dir", tmp.resolve("results").toString())
                    .configurationParameter("clp.model", "openai:mock")
                    .configurationParameter("clp.endpoint", server.url("/v1").toString())
                    .configurationParameter("clp.cache.path", file.toString())
                    .configurationParameter("clp.concurrency", "1")
                    .selectors(selectDirectory(suite.toFile())).execute();
            assertFullDiskKeptEverything(results, file, "SQLITE_FULL");
        } finally {
            mount.unmount();
        }
    }

    private void assertFullDiskKeptEverything(EngineExecutionResults results, Path file, String reason)
            throws IOException {
        results.allEvents().assertThatEvents().doNotHave(event(engine(), finishedWithFailure()));
        assertThat(requests.get()).isEqualTo(20 + 20);
        Map<String, String> outcomes = outcomes();
        assertThat(outcomes).hasSize(20);
        assertThat(outcomes.values()).as("no answer became an error").doesNotContain("error");
        List<String> summaries = results.allEvents().reportingEntryPublished().stream()
                .map(e -> e.getPayload(org.junit.platform.engine.reporting.ReportEntry.class).orElseThrow()
                        .getKeyValuePairs().get(ClpEngineDescriptor.SUMMARY_KEY))
                .filter(java.util.Objects::nonNull).toList();
        assertThat(summaries).hasSize(1);
        assertThat(summaries.get(0)).as("the verdict table").contains("Swahili");
        assertThat(summaries.get(0).lines().filter(l -> l.startsWith("CACHE: ")).toList()).as("one warning")
                .singleElement().satisfies(l -> assertThat(l).contains(file.toString()).contains(reason)
                        .contains("kept in memory"));
        JsonNode usage = new ObjectMapper().readTree(tmp.resolve("results/run.json").toFile()).get("usage");
        assertThat(usage.get("cacheWarning").asText()).contains(file.toString()).contains(reason);
    }
}
