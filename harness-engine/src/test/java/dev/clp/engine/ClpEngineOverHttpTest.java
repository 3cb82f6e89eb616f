package dev.clp.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.clp.testing.EngineRun;
import dev.clp.testing.SuiteFixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

/** The engine against an OpenAI-compatible server on 127.0.0.1: concurrency, ordering, transport errors. */
class ClpEngineOverHttpTest {

    @TempDir
    Path tmp;

    private final MockWebServer server = new MockWebServer();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final AtomicInteger calls = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                calls.incrementAndGet();
                try {
                    Thread.sleep(30);
                    String body = request.getBody().readUtf8();
                    if (body.contains("[yo]")) {
                        return new MockResponse().setResponseCode(503)
                                .setBody("{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}");
                    }
                    return new MockResponse().setHeader("Content-Type", "application/json")
                            .setBody("{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"Answer: A\"},"
                                    + "\"finish_reason\":\"stop\"}]}");
                } finally {
                    inFlight.decrementAndGet();
                }
            }
        });
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    private EngineExecutionResults run(Path suite, int concurrency) {
        return EngineRun.in(tmp).engine(new ClpTestEngine(Map.of()))
                .configurationParameter("clp.results.dir", tmp.resolve("results").toString())
                .configurationParameter("clp.model", "openai:test-model")
                .configurationParameter("clp.endpoint", server.url("/v1").toString())
                .configurationParameter("clp.concurrency", String.valueOf(concurrency))
                .configurationParameter("clp.cache", "off")
                // the always-503 language exhausts its retries: keep the back-off tiny, the test is about the message
                .configurationParameter("clp.retry.base-delay-ms", "1")
                .configurationParameter("clp.retry.max-delay-ms", "5")
                // 24 pairs cannot detect the threshold; these tests are about HTTP, not the gates' power
                .configurationParameter("clp.gate.allow-underpowered", "true")
                .selectors(selectDirectory(suite.toFile()))
                .execute();
    }

    @Test
    void modelCallsRunConcurrentlyWhileEventsStayNestedAndOrdered() {
        Path suite = SuiteFixtures.suite(tmp.resolve("s"), "s", 24, "sw", "zu");

        EngineExecutionResults results = run(suite, 4);

        // sw and zu share their English questions: each is asked once and reused, the targets once each
        assertThat(calls.get()).isEqualTo(24 + 2 * 24);
        assertThat(peak.get()).isBetween(2, 4);
        // answer "A" is right for pairs whose answer is index 0: a quarter of them
        // per language 24 pairs, the coverage and the gap gate
        results.testEvents().assertStatistics(s -> s.started(2 * 26).succeeded(2 * 6 + 2 * 2).aborted(2 * 18).failed(0));
        List<String> open = new ArrayList<>();
        for (Event e : results.allEvents().list()) {
            String id = e.getTestDescriptor().getUniqueId().toString();
            if (e.getType() == EventType.STARTED) {
                if (!open.isEmpty()) {
                    assertThat(id).as("a node starts inside the open one").startsWith(open.get(open.size() - 1));
                }
                open.add(id);
            } else if (e.getType() == EventType.FINISHED) {
                assertThat(open.get(open.size() - 1)).as("the innermost open node finishes first").isEqualTo(id);
                open.remove(open.size() - 1);
            }
        }
        assertThat(open).isEmpty();
    }

    @Test
    void aServerErrorFailsThePairNamingTheEndpointAndTheOtherLanguagesStillRun() {
        Path suite = SuiteFixtures.suite(tmp.resolve("s"), "s", 4, "sw", "yo");

        EngineExecutionResults results = run(suite, 2);

        results.testEvents().assertThatEvents().haveExactly(4, event(test("lang:yo"), test("pair"), finishedWithFailure(message(m ->
                m.startsWith("[lang=yo] error on the yo side: POST " + server.url("/v1/chat/completions") + " -> HTTP 503: overloaded")
                        && m.endsWith("(after 10 attempts)")))));
        results.testEvents().assertThatEvents().haveExactly(1, event(test("lang:sw"), test("pair"),
                org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully()));
    }
}
