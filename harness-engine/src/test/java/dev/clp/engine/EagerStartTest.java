package dev.clp.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.testkit.engine.EventConditions.engine;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clp.scoring.PairOutcome;
import dev.clp.testing.EngineRun;
import dev.clp.testing.SuiteFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * {@code clp.eager-start}: model calls begin while the suites are still read, and the run is the same run — each pair
 * asked once, the same outcomes and results — only sooner.
 */
class EagerStartTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private MockWebServer server;
    private final AtomicInteger requests = new AtomicInteger();
    /** Requests per target language ({@code [sw]} in the fixture's target text), English under "en". */
    private final Map<String, AtomicInteger> byLanguage = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.incrementAndGet();
                String body = request.getBody().readUtf8();
                java.util.regex.Matcher lang = java.util.regex.Pattern.compile("\\[([a-z]{2})\\]").matcher(body);
                byLanguage.computeIfAbsent(lang.find() ? lang.group(1) : "en", k -> new AtomicInteger()).incrementAndGet();
                // right in English ("A" is the answer of every fourth fixture pair), "B" everywhere else
                String answer = lang.find(0) ? "B" : "A";
                return new MockResponse().setHeader("Content-Type", "application/json").setBody(JSON.createObjectNode()
                        .set("choices", JSON.createArrayNode().add(JSON.createObjectNode().set("message",
                                JSON.createObjectNode().put("role", "assistant").put("content", answer)))).toString());
            }
        });
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    private EngineTestKit.Builder kit(String name, boolean eager) {
        return EngineRun.in(tmp).engine(new ClpTestEngine(Map.of()))
                .configurationParameter("clp.model", "openai:m")
                .configurationParameter("clp.endpoint", server.url("/v1").toString())
                .configurationParameter("clp.cache", "off")
                .configurationParameter("clp.concurrency", "4")
                .configurationParameter("clp.eager-start", String.valueOf(eager))
                .configurationParameter("clp.results.dir", tmp.resolve(name).toString())
                .configurationParameter("clp.allure.results-dir", tmp.resolve(name + "-allure").toString())
                .configurationParameter("clp.allure.pairs", "all");
    }

    private Map<String, String> outcomes(String name) throws IOException {
        Map<String, String> m = new HashMap<>();
        JSON.readTree(tmp.resolve(name + "/run.json").toFile()).get("pairs")
                .forEach(p -> m.put(p.get("id").asText(), p.get("outcome").asText() + " " + p.at("/target/answers/0").asText()));
        return m;
    }

    private long allureResults(String name) throws IOException {
        try (Stream<Path> files = Files.list(tmp.resolve(name + "-allure"))) {
            return files.filter(f -> f.getFileName().toString().endsWith("-result.json")).count();
        }
    }

    @Test
    void discoveryAloneAlreadyAsksTheModelButNoMoreThanOneWindow() throws Exception {
        Path suite = SuiteFixtures.suite(tmp.resolve("s"), "s", 100, "sw", "yo");
        kit("lazy", false).selectors(selectDirectory(suite.toFile())).discover();
        assertThat(requests.get()).as("without eager start, listing the tests calls nothing").isZero();

        ClpEngineDescriptor engine = (ClpEngineDescriptor) kit("eager", true).selectors(selectDirectory(suite.toFile()))
                .discover().getEngineDescriptor();
        // one window is max(16 x concurrency, 64) = 64 pairs; each asks its target side, English once per question:
        // discovery has read every file, so every early call is started; wait for each of them, then count
        List<Future<PairOutcome>> early = engine.earlyStart().calls();
        try {
            for (Future<PairOutcome> call : early) {
                call.get(30, TimeUnit.SECONDS);
            }
        } finally {
            engine.discardEarlyStart();
        }
        assertThat(early).as("pairs started during discovery, one window").hasSize(64);
        assertThat(requests.get()).as("calls start during discovery, at most one window").isPositive()
                .isLessThanOrEqualTo(2 * 64);
    }

    @Test
    void listingTheTestsWithoutEagerStartStartsNoThreadAndNoWarmUp() {
        Path suite = SuiteFixtures.suite(tmp.resolve("s"), "s", 10, "sw");
        java.util.List<dev.clp.config.ClpConfig> warmedUp = new java.util.concurrent.CopyOnWriteArrayList<>();
        ClpEngineDescriptor listed = (ClpEngineDescriptor) EngineRun.in(tmp).engine(new ClpTestEngine(Map.of(), warmedUp::add))
                .configurationParameter("clp.model", "openai:m")
                .configurationParameter("clp.endpoint", server.url("/v1").toString())
                .configurationParameter("clp.results.dir", tmp.resolve("listed").toString())
                .selectors(selectDirectory(suite.toFile())).discover().getEngineDescriptor();
        assertThat(warmedUp).as("an IDE listing the tests loads no HTTP or SQLite library on a thread of its own")
                .isEmpty();
        assertThat(listed.earlyStart()).as("no client set-up thread, no prefetcher").isNull();
        assertThat(requests.get()).isZero();

        ClpEngineDescriptor eager = (ClpEngineDescriptor) EngineRun.in(tmp).engine(new ClpTestEngine(Map.of(), warmedUp::add))
                .configurationParameter("clp.model", "openai:m")
                .configurationParameter("clp.endpoint", server.url("/v1").toString())
                .configurationParameter("clp.eager-start", "true")
                .configurationParameter("clp.results.dir", tmp.resolve("eager").toString())
                .selectors(selectDirectory(suite.toFile())).discover().getEngineDescriptor();
        try {
            assertThat(warmedUp).as("clp.eager-start=true asks for the warm-up").hasSize(1);
            assertThat(eager.earlyStart()).isNotNull();
        } finally {
            eager.discardEarlyStart();
        }
    }

    @Test
    void anEagerRunAsksEachPairOnceAndEndsAsTheOrdinaryRunDoes() throws IOException {
        // 90 pairs: the first window (64) is started early, the rest the ordinary way
        Path suite = SuiteFixtures.suite(tmp.resolve("s"), "s", 30, "sw", "yo", "zh");
        kit("lazy", false).selectors(selectDirectory(suite.toFile())).execute().testEvents().assertStatistics(s ->
                s.started(3 * 30 + 3 * 2)); // per language 30 pairs, the coverage and the gap gate
        int lazyCalls = requests.getAndSet(0);

        kit("eager", true).selectors(selectDirectory(suite.toFile())).execute().testEvents().assertStatistics(s ->
                s.started(3 * 30 + 3 * 2)); // per language 30 pairs, the coverage and the gap gate

        assertThat(requests.get()).as("no pair asked twice, none skipped").isEqualTo(lazyCalls).isEqualTo(30 + 3 * 30);
        assertThat(outcomes("eager")).isEqualTo(outcomes("lazy")).hasSize(3 * 30);
        assertThat(allureResults("eager")).as("an Allure result for every pair started early, too")
                .isEqualTo(allureResults("lazy")).isEqualTo(3 * 30 + 3 * 2);
        JsonNode usage = JSON.readTree(tmp.resolve("eager/run.json").toFile()).get("usage");
        assertThat(usage.get("modelCalls").asInt()).isEqualTo(30 + 3 * 30);
    }

    @Test
    void aSingleFileOrTestSelectedStartsNothingEarly() {
        Path suite = SuiteFixtures.suite(tmp.resolve("s"), "s", 30, "sw", "yo");
        kit("file", true).selectors(org.junit.platform.engine.discovery.DiscoverySelectors.selectFile(
                suite.resolve("pairs-sw.jsonl").toFile())).execute();
        assertThat(byLanguage).as("the other files of the suite are parsed, but not asked").containsOnlyKeys("en", "sw");
        kit("one", true).configurationParameter("clp.suites", tmp.toString()).selectors(org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId(
                "[engine:clp]/[suite:s]/[lang:yo]/[pair:" + SuiteFixtures.pair("yo", "topic0", 0).id() + "]")).execute();
        assertThat(byLanguage.get("yo").get()).as("one pair selected, one pair asked").isEqualTo(1);
    }

    @Test
    void languagesLeftOutAreNeverAsked() {
        Path suite = SuiteFixtures.suite(tmp.resolve("s"), "s", 30, "sw", "yo");
        kit("eager", true).configurationParameter("clp.languages", "sw").selectors(selectDirectory(suite.toFile()))
                .execute();
        assertThat(byLanguage).containsOnlyKeys("en", "sw");
        assertThat(byLanguage.get("sw").get()).isEqualTo(30);
    }

    @Test
    void aClientThatCannotBeBuiltFailsTheRunAsWithoutEagerStart() {
        Path suite = SuiteFixtures.suite(tmp.resolve("s"), "s", 3, "sw");
        kit("eager", true).configurationParameter("clp.api-key-env", "CLP_TEST_NO_SUCH_KEY")
                .selectors(selectDirectory(suite.toFile())).execute()
                .allEvents().assertThatEvents().haveExactly(1, event(engine(), finishedWithFailure(message(m ->
                        m.startsWith("the environment variable CLP_TEST_NO_SUCH_KEY is not set")))));
        assertThat(requests.get()).isZero();
    }
}
