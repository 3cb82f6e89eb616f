package dev.clp.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.testkit.engine.EventConditions.engine;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clp.model.ChatMessage;
import dev.clp.model.ChatRequest;
import dev.clp.model.internal.ResponseCache;
import dev.clp.testing.EngineRun;
import dev.clp.testing.SuiteFixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

/**
 * Reproducible answers: every request setting that can change an answer is part of the response-cache key and of
 * run.json's settings, so changing one asks the model again instead of replaying answers to another request.
 */
class CacheKeyTest {

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
                if (request.getPath() != null && request.getPath().endsWith("/messages")) {
                    return new MockResponse().setHeader("Content-Type", "application/json")
                            .setBody("{\"content\":[{\"type\":\"text\",\"text\":\"A\"}],\"stop_reason\":\"end_turn\","
                                    + "\"usage\":{\"input_tokens\":10,\"output_tokens\":1}}");
                }
                return new MockResponse().setHeader("Content-Type", "application/json")
                        .setBody("{\"choices\":[{\"message\":{\"content\":\"A\"}}],"
                                + "\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":1}}");
            }
        });
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    private EngineExecutionResults run(Path suite, String model, Map<String, String> env, Map<String, String> extra) {
        EngineExecutionResults results = EngineRun.in(tmp).engine(new ClpTestEngine(env))
                .configurationParameter("clp.results.dir", tmp.resolve("results").toString())
                .configurationParameter("clp.allure", "off")
                .configurationParameter("clp.model", model)
                .configurationParameter("clp.endpoint", server.url("/v1").toString())
                .configurationParameter("clp.cache", "read-write")
                .configurationParameter("clp.cache.path", tmp.resolve("cache/responses.sqlite").toString())
                .configurationParameters(extra)
                .selectors(selectDirectory(suite.toFile()))
                .execute();
        results.allEvents().assertThatEvents().doNotHave(event(engine(), finishedWithFailure()));
        return results;
    }

    private JsonNode settings() throws IOException {
        return new ObjectMapper().readTree(tmp.resolve("results/run.json").toFile()).get("settings");
    }

    @Test
    void changingTheSeedAsksTheModelAgainAndRunJsonRecordsIt() throws IOException {
        Path suite = SuiteFixtures.suite(tmp.resolve("s"), "s", 3, "sw");
        int perRun = 3 + 3;
        run(suite, "openai:m", Map.of(), Map.of("clp.seed", "1"));
        assertThat(requests.get()).isEqualTo(perRun);
        run(suite, "openai:m", Map.of(), Map.of("clp.seed", "1"));
        assertThat(requests.get()).as("same seed: answered from the cache").isEqualTo(perRun);
        run(suite, "openai:m", Map.of(), Map.of("clp.seed", "2"));
        assertThat(requests.get()).as("another seed must not replay the first seed's answers").isEqualTo(2 * perRun);
        assertThat(settings().get("seed").asLong()).isEqualTo(2);
        run(suite, "openai:m", Map.of(), Map.of());
        assertThat(requests.get()).as("no seed is another request again").isEqualTo(3 * perRun);
        assertThat(settings().get("seed").isNull()).isTrue();
    }

    @Test
    void changingTheAzureApiVersionAsksTheModelAgainAndRunJsonRecordsIt() throws IOException {
        Path suite = SuiteFixtures.suite(tmp.resolve("s"), "s", 2, "sw");
        Map<String, String> env = Map.of("AZURE_OPENAI_API_KEY", "test-key");
        run(suite, "azure:dep", env, Map.of("clp.azure.api-version", "2024-10-21"));
        assertThat(requests.get()).isEqualTo(4);
        run(suite, "azure:dep", env, Map.of("clp.azure.api-version", "2025-01-01-preview"));
        assertThat(requests.get()).isEqualTo(8);
        assertThat(settings().get("apiVersion").asText()).isEqualTo("2025-01-01-preview");
    }

    @Test
    void changingTheAnthropicVersionAsksTheModelAgainAndRunJsonRecordsIt() throws IOException {
        Path suite = SuiteFixtures.suite(tmp.resolve("s"), "s", 2, "sw");
        Map<String, String> env = Map.of("ANTHROPIC_API_KEY", "test-key");
        run(suite, "anthropic:claude", env, Map.of("clp.anthropic.version", "2023-06-01"));
        assertThat(requests.get()).isEqualTo(4);
        run(suite, "anthropic:claude", env, Map.of("clp.anthropic.version", "2023-06-01"));
        assertThat(requests.get()).as("same version: answered from the cache").isEqualTo(4);
        run(suite, "anthropic:claude", env, Map.of("clp.anthropic.version", "2024-01-01"));
        assertThat(requests.get()).isEqualTo(8);
        assertThat(settings().get("apiVersion").asText()).isEqualTo("2024-01-01");
    }

    @Test
    void runJsonRecordsEverySettingThatCanChangeAnAnswer() throws IOException {
        Path suite = SuiteFixtures.suite(tmp.resolve("s"), "s", 1, "sw");
        run(suite, "openai:m", Map.of(), Map.of("clp.seed", "7", "clp.max-tokens", "64", "clp.temperature", "0.5",
                "clp.samples", "3", "clp.answer-format", "json", "clp.logprobs", "true"));
        JsonNode s = settings();
        assertThat(s.get("seed").asLong()).isEqualTo(7);
        assertThat(s.get("maxTokens").asInt()).isEqualTo(64);
        assertThat(s.get("temperature").asDouble()).isEqualTo(0.5);
        assertThat(s.get("samples").asInt()).isEqualTo(3);
        assertThat(s.get("answerFormat").asText()).isEqualTo("json");
        assertThat(s.get("logprobs").asBoolean()).isTrue();
    }

    @Test
    void theKeyOfClpGeneratesCheckpointsStaysAsItWasSoOldCheckpointsStillReplay() throws Exception {
        ChatRequest prompt = new ChatRequest(List.of(new ChatMessage("user", "Q?")), 0.0, 5, 0);
        String before = "{\"provider\":\"clp-generate\",\"endpoint\":\"\",\"model\":\"m\",\"temperature\":0.0,"
                + "\"maxTokens\":5,\"sample\":0,\"messages\":[{\"role\":\"user\",\"content\":\"Q?\"}]}";
        String expected = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(before.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(ResponseCache.key("clp-generate", "", "m", prompt)).isEqualTo(expected);
    }

    @Test
    void everyParameterThatCanChangeAnAnswerChangesTheKey() {
        ChatRequest text = new ChatRequest(List.of(new ChatMessage("user", "Q?")), 0.0, 512, 0);
        ChatRequest structured = new ChatRequest(List.of(new ChatMessage("user", "Q?")), 0.0, 512, 0, null, null,
                List.of("A", "B"));
        ChatRequest withSystem = new ChatRequest(List.of(new ChatMessage("system", "Be brief."),
                new ChatMessage("user", "Q?")), 0.0, 512, 0);
        ResponseCache.Asked plain = new ResponseCache.Asked(Optional.empty(), "", false);
        Set<String> keys = new HashSet<>();
        keys.add(ResponseCache.key("openai", "e", "m", text, plain));
        keys.add(ResponseCache.key("openai", "e", "m", text, new ResponseCache.Asked(Optional.of(1L), "", false)));
        keys.add(ResponseCache.key("openai", "e", "m", text, new ResponseCache.Asked(Optional.of(2L), "", false)));
        keys.add(ResponseCache.key("openai", "e", "m", text, new ResponseCache.Asked(Optional.empty(), "2023-06-01", false)));
        keys.add(ResponseCache.key("openai", "e", "m", text, new ResponseCache.Asked(Optional.empty(), "", true)));
        keys.add(ResponseCache.key("openai", "e", "m", structured, plain));
        keys.add(ResponseCache.key("openai", "e", "m", withSystem, plain));
        keys.add(ResponseCache.key("openai", "e", "m", new ChatRequest(text.messages(), 0.0, 64, 0), plain));
        keys.add(ResponseCache.key("openai", "e", "m", new ChatRequest(text.messages(), 0.7, 512, 0), plain));
        keys.add(ResponseCache.key("openai", "e", "m", new ChatRequest(text.messages(), 0.0, 512, 1), plain));
        assertThat(keys).hasSize(10);
        assertThat(ResponseCache.key("openai", "e", "m", structured, new ResponseCache.Asked(Optional.empty(), "", true)))
                .as("structured answers are never asked for log probabilities").isEqualTo(
                        ResponseCache.key("openai", "e", "m", structured, plain));
    }
}
