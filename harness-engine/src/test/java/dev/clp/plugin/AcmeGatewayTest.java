package dev.clp.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.testkit.engine.EventConditions.engine;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clp.engine.ClpTestEngine;
import dev.clp.testing.SuiteFixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** A provider added by a test-only plug-in runs a suite through the unchanged engine, wrapped in the common layers. */
class AcmeGatewayTest {

    private static final String TOKEN = "acme-token-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private final MockWebServer gateway = new MockWebServer();
    private final List<RecordedRequest> asked = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        gateway.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                asked.add(request);
                if (!TOKEN.equals(request.getHeader("X-Acme-Token"))) {
                    return new MockResponse().setResponseCode(401).setBody("bad token");
                }
                return new MockResponse().setHeader("Content-Type", "application/json")
                        .setBody("{\"reply\":\"Answer: A\",\"used\":{\"in\":20,\"out\":2}}");
            }
        });
        gateway.start();
    }

    @AfterEach
    void stop() throws IOException {
        gateway.shutdown();
    }

    private EngineExecutionResults run(Path suite, Map<String, String> environment, String results) {
        return EngineTestKit.engine(new ClpTestEngine(environment))
                .configurationParameter("clp.results.dir", tmp.resolve(results).toString())
                .configurationParameter("clp.allure.results-dir", tmp.resolve(results + "-allure").toString())
                .configurationParameter("clp.model", "acme:helpdesk-7b")
                .configurationParameter("clp.endpoint", gateway.url("/v2").toString())
                .configurationParameter("clp.cache.path", tmp.resolve("cache.sqlite").toString())
                .configurationParameter("clp.gate.allow-underpowered", "true")
                .selectors(selectDirectory(suite.toFile()))
                .execute();
    }

    @Test
    void aGatewayProviderFromTheClassPathRunsASuiteThroughTheEngine() throws Exception {
        Path suite = SuiteFixtures.suite(tmp.resolve("s"), "s", 24, "sw", "zu");

        EngineExecutionResults results = run(suite, Map.of("ACME_TOKEN", TOKEN), "first");

        // answer "A" is right for a quarter of the pairs; per language 24 pairs, the coverage and the gap gate
        results.testEvents().assertStatistics(s -> s.started(2 * 26).succeeded(2 * 6 + 2 * 2).aborted(2 * 18)
                .failed(0));
        // sw and zu share their English questions: each asked once, the targets once each
        assertThat(asked).hasSize(24 + 2 * 24);
        RecordedRequest first = asked.get(0);
        assertThat(first.getPath()).isEqualTo("/v2/ask");
        JsonNode body = JSON.readTree(first.getBody().readUtf8());
        assertThat(body.get("model").asText()).isEqualTo("helpdesk-7b");
        assertThat(body.get("prompt").asText()).contains("A. ");
        JsonNode run = JSON.readTree(tmp.resolve("first/run.json").toFile());
        assertThat(run.get("model").asText()).isEqualTo("acme:helpdesk-7b");
        assertThat(run.get("simulated").asBoolean()).isFalse();
        assertThat(run.get("usage").get("modelCalls").asInt()).isEqualTo(72);
        assertThat(run.get("usage").get("promptTokens").asInt()).isEqualTo(72 * 20);
        assertThat(JSON.writeValueAsString(run)).doesNotContain(TOKEN);

        // the response cache wraps the plug-in as it wraps the shipped providers: a second run sends nothing
        run(suite, Map.of("ACME_TOKEN", TOKEN), "second");
        assertThat(asked).hasSize(72);
        assertThat(JSON.readTree(tmp.resolve("second/run.json").toFile()).get("usage").get("cacheHits").asInt())
                .isEqualTo(72);
    }

    @Test
    void aMissingTokenFailsTheRunNamingTheVariableTheProviderReads() {
        Path suite = SuiteFixtures.suite(tmp.resolve("s"), "s", 2, "sw");

        EngineExecutionResults results = run(suite, Map.of(), "none");

        results.allEvents().assertThatEvents().haveExactly(1, event(engine(), finishedWithFailure(message(m ->
                m.startsWith("the environment variable ACME_TOKEN is not set; it must hold the API key for "
                        + gateway.url("/v2"))))));
        assertThat(asked).isEmpty();
    }
}
