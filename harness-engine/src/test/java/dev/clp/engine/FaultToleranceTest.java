package dev.clp.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clp.testing.EngineRun;
import dev.clp.testing.SuiteFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A storm of faults (10 % 429, 10 % 500, 2 % garbage bodies, seeded) loses no pair and changes no outcome
 * against a clean run of the same server.
 */
class FaultToleranceTest {

    @TempDir
    Path tmp;

    /** Answers deterministically from the prompt; injects faults from a seeded stream when asked. */
    private static MockWebServer server(double rate429, double rate500, double garbage) throws IOException {
        Random random = new Random(7);
        MockWebServer server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String body = request.getBody().readUtf8();
                double r;
                synchronized (random) {
                    r = random.nextDouble();
                }
                if (r < rate429) {
                    return new MockResponse().setResponseCode(429).setHeader("Retry-After", "0")
                            .setBody("{\"error\":{\"message\":\"Rate limit reached\",\"code\":\"rate_limit_exceeded\"}}");
                }
                if (r < rate429 + rate500) {
                    return new MockResponse().setResponseCode(500).setBody("{\"error\":{\"message\":\"The server had an error\"}}");
                }
                if (r < rate429 + rate500 + garbage) {
                    return new MockResponse().setBody("{\"id\":\"x\",\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\"");
                }
                String letter = "ABCD".substring(Math.floorMod(hash(body), 4)).substring(0, 1);
                return new MockResponse().setHeader("Content-Type", "application/json")
                        .setBody("{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"" + letter + "\"}}]}");
            }
        });
        server.start();
        return server;
    }

    private static int hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return d[0];
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> outcomes(MockWebServer server, Path results, Path suite) throws IOException {
        EngineRun.in(tmp).engine(new ClpTestEngine(Map.of()))
                .configurationParameter("clp.results.dir", results.toString())
                .configurationParameter("clp.model", "openai:mock")
                .configurationParameter("clp.endpoint", server.url("/v1").toString())
                .configurationParameter("clp.concurrency", "8")
                .configurationParameter("clp.retry.max-attempts", "12")
                .configurationParameter("clp.cache", "off")
                .configurationParameter("clp.retry.base-delay-ms", "1")
                .configurationParameter("clp.retry.max-delay-ms", "5")
                .selectors(selectDirectory(suite.toFile()))
                .execute();
        JsonNode run = new ObjectMapper().readTree(results.resolve("run.json").toFile());
        Map<String, String> byId = new HashMap<>();
        run.get("pairs").forEach(p -> byId.put(p.get("id").asText(), p.get("outcome").asText()
                + " " + p.path("target").path("chosen").asText()));
        lastUsage = run.get("usage");
        return byId;
    }

    private JsonNode lastUsage;

    @Test
    void aStormOfFaultsLosesNoPairAndChangesNoOutcome() throws IOException {
        Path suite = SuiteFixtures.suite(tmp.resolve("s"), "s", 100, "sw", "yo");
        Map<String, String> clean;
        try (MockWebServer s = server(0, 0, 0)) {
            clean = outcomes(s, tmp.resolve("clean"), suite);
        }
        assertThat(lastUsage.get("retries").asInt()).isZero();
        Map<String, String> stormy;
        try (MockWebServer s = server(0.10, 0.10, 0.02)) {
            stormy = outcomes(s, tmp.resolve("storm"), suite);
        }
        assertThat(stormy).hasSize(200).isEqualTo(clean);
        assertThat(stormy.values()).noneMatch(v -> v.startsWith("error"));
        assertThat(lastUsage.get("retries").asInt()).isGreaterThan(20);
        assertThat(lastUsage.get("retriesByCause").fieldNames()).toIterable()
                .contains("HTTP 429", "HTTP 500", "HTTP 200");
    }
}
