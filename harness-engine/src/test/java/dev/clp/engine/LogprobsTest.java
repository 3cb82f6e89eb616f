package dev.clp.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clp.model.CallStats;
import dev.clp.model.ChatMessage;
import dev.clp.model.ChatRequest;
import dev.clp.model.ChatResponse;
import dev.clp.model.openai.OpenAiChatClient;
import dev.clp.testing.EngineRun;
import dev.clp.testing.SuiteFixtures;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code clp.logprobs}: the request, the option letters' probabilities, run.json, and the cache round trip. */
class LogprobsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A chat completion with logprobs, in the shape of OpenAI's API reference (content tokens with top_logprobs). */
    private static final String WITH_LOGPROBS = """
            {"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"gpt-4o-mini",
             "choices":[{"index":0,"message":{"role":"assistant","content":"A","refusal":null},
               "logprobs":{"content":[{"token":"A","logprob":-0.2,"bytes":[65],
                 "top_logprobs":[{"token":"A","logprob":-0.2,"bytes":[65]},{"token":"B","logprob":-2.0,"bytes":[66]},
                   {"token":" A","logprob":-4.0,"bytes":[32,65]},{"token":"The","logprob":-5.0,"bytes":[84,104,101]}]}],
                 "refusal":null},
               "finish_reason":"stop"}],
             "usage":{"prompt_tokens":40,"completion_tokens":1,"total_tokens":41}}""";

    @TempDir
    Path tmp;

    private static MockWebServer server(AtomicInteger calls) throws Exception {
        MockWebServer server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                calls.incrementAndGet();
                return new MockResponse().setHeader("Content-Type", "application/json").setBody(WITH_LOGPROBS);
            }
        });
        server.start();
        return server;
    }

    @Test
    void theRequestAsksForTopLogprobsOnlyWhereTheyMeanSomething() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (MockWebServer server = server(calls)) {
            String base = server.url("/v1").toString();
            ChatRequest text = new ChatRequest(List.of(ChatMessage.user("Q?\nA. x\nB. y")), 0.0, 16, 0);
            ChatResponse r = new OpenAiChatClient(base, "gpt-4o-mini", null, "K", Duration.ofSeconds(5), new CallStats(),
                    null).withLogprobs(true).complete(text);
            JsonNode body = JSON.readTree(server.takeRequest().getBody().readUtf8());
            assertThat(body.path("logprobs").asBoolean()).isTrue();
            assertThat(body.path("top_logprobs").asInt()).isEqualTo(5);
            assertThat(r.letterProbabilities()).containsOnlyKeys("A", "B");
            assertThat(r.letterProbabilities().get("A")).isCloseTo(Math.exp(-0.2) + Math.exp(-4.0), within(1e-9));
            assertThat(r.letterProbabilities().get("B")).isCloseTo(Math.exp(-2.0), within(1e-9));

            new OpenAiChatClient(base, "o3-mini", null, "K", Duration.ofSeconds(5), new CallStats(), null)
                    .withLogprobs(true).complete(text);
            assertThat(JSON.readTree(server.takeRequest().getBody().readUtf8()).has("logprobs"))
                    .as("reasoning models reject logprobs").isFalse();
            ChatRequest structured = new ChatRequest(List.of(ChatMessage.user("Q?")), 0.0, 16, 0, null, null,
                    List.of("A", "B"));
            new OpenAiChatClient(base, "gpt-4o-mini", null, "K", Duration.ofSeconds(5), new CallStats(), null)
                    .withLogprobs(true).complete(structured);
            assertThat(JSON.readTree(server.takeRequest().getBody().readUtf8()).has("logprobs"))
                    .as("a JSON answer's first token is '{', not a letter").isFalse();
            ChatResponse off = new OpenAiChatClient(base, "gpt-4o-mini", null, "K", Duration.ofSeconds(5),
                    new CallStats(), null).complete(text);
            assertThat(JSON.readTree(server.takeRequest().getBody().readUtf8()).has("logprobs")).isFalse();
            assertThat(off.letterProbabilities()).isNull();
        }
    }

    @Test
    void runJsonRecordsTheLetterProbabilitiesAndAReplayFromTheCacheKeepsThem() throws Exception {
        Path suite = SuiteFixtures.suite(tmp.resolve("s"), "s", 4, "sw");
        AtomicInteger calls = new AtomicInteger();
        try (MockWebServer server = server(calls)) {
            for (String mode : List.of("read-write", "replay")) {
                EngineRun.in(tmp).engine(new ClpTestEngine(Map.of()))
                        .configurationParameter("clp.model", "openai:gpt-4o-mini")
                        .configurationParameter("clp.endpoint", server.url("/v1").toString())
                        .configurationParameter("clp.logprobs", "true")
                        .configurationParameter("clp.cache", mode)
                        .configurationParameter("clp.cache.path", tmp.resolve("cache.sqlite").toString())
                        .configurationParameter("clp.allure", "off")
                        .configurationParameter("clp.results.dir", tmp.resolve(mode).toString())
                        .selectors(selectDirectory(suite.toFile()))
                        .execute();
                JsonNode pair = JSON.readTree(tmp.resolve(mode).resolve("run.json").toFile()).at("/pairs/0");
                assertThat(pair.at("/target/letterProbabilities/0/A").asDouble()).as(mode)
                        .isCloseTo(Math.exp(-0.2) + Math.exp(-4.0), within(1e-9));
                assertThat(pair.at("/en/letterProbabilities/0/B").asDouble()).as(mode)
                        .isCloseTo(Math.exp(-2.0), within(1e-9));
            }
            assertThat(calls.get()).as("the replay made no call").isEqualTo(8);
        }
    }
}
