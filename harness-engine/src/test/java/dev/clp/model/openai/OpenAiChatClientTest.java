package dev.clp.model.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clp.model.CallStats;
import dev.clp.model.ChatMessage;
import dev.clp.model.ChatRequest;
import dev.clp.model.ChatResponse;
import dev.clp.model.ModelException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OpenAiChatClientTest {

    private static final String KEY = "sk-test-0123456789abcdef";
    private final MockWebServer server = new MockWebServer();
    private OpenAiChatClient client;

    @BeforeEach
    void start() throws IOException {
        server.start();
        client = new OpenAiChatClient(server.url("/v1").toString(), "gpt-4o-mini", KEY, "OPENAI_API_KEY",
                Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    private static ChatRequest request() {
        return new ChatRequest(List.of(ChatMessage.user("Answer: A or B?")), 0.0, 64, 0);
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(body);
    }

    @Nested
    class Records {
        private String answer(String fingerprint) {
            return "{\"id\":\"c\",\"system_fingerprint\":" + fingerprint + ",\"choices\":[{\"index\":0,"
                    + "\"message\":{\"role\":\"assistant\",\"content\":\"B\"},\"finish_reason\":\"stop\"}]}";
        }

        @Test
        void theSystemFingerprintsOfItsAnswersForReproducibility() {
            CallStats stats = new CallStats();
            var counted = new OpenAiChatClient(server.url("/v1").toString(), "gpt-4o-mini", KEY, "OPENAI_API_KEY",
                    Duration.ofSeconds(5), stats, null);
            server.enqueue(json(200, answer("\"fp_44709d6fcb\"")));
            server.enqueue(json(200, answer("\"fp_44709d6fcb\"")));
            server.enqueue(json(200, answer("\"fp_f3927aa00d\"")));
            server.enqueue(json(200, answer("null")));
            for (int i = 0; i < 4; i++) {
                assertThat(counted.complete(request()).text()).isEqualTo("B");
            }
            assertThat(stats.fingerprints()).containsExactly("fp_44709d6fcb", "fp_f3927aa00d");
            assertThat(stats.simulatedAnswers()).as("no provider was asked which fingerprints are simulated").isFalse();
        }

        @Test
        void noFingerprintThatIsNotAShortPrintableTokenAndNoMoreThanSixteen() {
            CallStats stats = new CallStats();
            var counted = new OpenAiChatClient(server.url("/v1").toString(), "gpt-4o-mini", KEY, "OPENAI_API_KEY",
                    Duration.ofSeconds(5), stats, null);
            server.enqueue(json(200, answer("\"fp\\u001b[2J\"")));
            server.enqueue(json(200, answer("\"" + "x".repeat(101) + "\"")));
            for (int i = 0; i < 20; i++) {
                server.enqueue(json(200, answer("\"fp_" + i + "\"")));
            }
            for (int i = 0; i < 22; i++) {
                counted.complete(request());
            }
            assertThat(stats.fingerprints()).hasSize(CallStats.MAX_FINGERPRINTS).allMatch(f -> f.startsWith("fp_"));
        }
    }

    @Nested
    class Sends {
        @Test
        void theChatCompletionsRequestShape() throws Exception {
            server.enqueue(json(200, """
                    {"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"gpt-4o-mini",
                     "choices":[{"index":0,"message":{"role":"assistant","content":"B"},"finish_reason":"stop"}],
                     "usage":{"prompt_tokens":12,"completion_tokens":1,"total_tokens":13}}"""));

            ChatResponse response = client.complete(request());

            RecordedRequest recorded = server.takeRequest();
            assertThat(recorded.getMethod()).isEqualTo("POST");
            assertThat(recorded.getPath()).isEqualTo("/v1/chat/completions");
            assertThat(recorded.getHeader("Authorization")).isEqualTo("Bearer " + KEY);
            assertThat(recorded.getHeader("Content-Type")).startsWith("application/json");
            JsonNode body = new ObjectMapper().readTree(recorded.getBody().readUtf8());
            assertThat(body.get("model").asText()).isEqualTo("gpt-4o-mini");
            assertThat(body.get("messages").get(0).get("role").asText()).isEqualTo("user");
            assertThat(body.get("messages").get(0).get("content").asText()).isEqualTo("Answer: A or B?");
            assertThat(body.get("temperature").asDouble()).isEqualTo(0.0);
            assertThat(body.get("max_tokens").asInt()).isEqualTo(64);
            assertThat(response.text()).isEqualTo("B");
            assertThat(response.promptTokens()).isEqualTo(12);
            assertThat(response.completionTokens()).isEqualTo(1);
            assertThat(response.finishReason()).isEqualTo("stop");
        }

        @Test
        void reasoningModelsGetMaxCompletionTokensAndNoTemperatureAndSeedsFollowTheSample() throws Exception {
            var o3 = new OpenAiChatClient(server.url("/v1").toString(), "o3-mini", KEY, "OPENAI_API_KEY",
                    Duration.ofSeconds(5), new CallStats(), 42L);
            server.enqueue(json(200, "{\"choices\":[{\"message\":{\"content\":\"A\"}}]}"));
            o3.complete(new ChatRequest(List.of(ChatMessage.user("Q")), 0.0, 64, 2));
            JsonNode body = new ObjectMapper().readTree(server.takeRequest().getBody().readUtf8());
            assertThat(body.has("max_tokens")).isFalse();
            assertThat(body.has("temperature")).isFalse();
            assertThat(body.get("max_completion_tokens").asInt()).isEqualTo(64);
            assertThat(body.get("seed").asLong()).isEqualTo(44L);
            assertThat(OpenAiChatClient.reasoningModel("gpt-5-mini")).isTrue();
            assertThat(OpenAiChatClient.reasoningModel("gpt-4o")).isFalse();
            assertThat(OpenAiChatClient.reasoningModel("llama3")).isFalse();
        }

        @Test
        void noAuthorizationHeaderForAServerWithoutKey() throws Exception {
            var local = new OpenAiChatClient(server.url("/v1/").toString(), "llama3", null, "OPENAI_API_KEY",
                    Duration.ofSeconds(5));
            server.enqueue(json(200, "{\"choices\":[{\"message\":{\"content\":\"A\"}}]}"));
            assertThat(local.complete(request()).text()).isEqualTo("A");
            assertThat(server.takeRequest().getHeader("Authorization")).isNull();
        }
    }

    @Nested
    class Rejects {
        @Test
        void a401NamesTheEndpointAndTheKeyVariableButNeverTheKey() {
            server.enqueue(json(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY
                    + ". You can find your API key at https://platform.openai.com/account/api-keys.\","
                    + "\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}"));
            assertThatThrownBy(() -> client.complete(request()))
                    .isInstanceOf(ModelException.class)
                    .hasMessageContaining("POST " + server.url("/v1/chat/completions") + " -> HTTP 401")
                    .hasMessageContaining("Incorrect API key provided: ***")
                    .hasMessageContaining("(code invalid_api_key)")
                    .hasMessageContaining("OPENAI_API_KEY")
                    .hasMessageNotContaining(KEY)
                    .satisfies(e -> assertThat(((ModelException) e).httpStatus()).isEqualTo(401));
        }

        @Test
        void a404NamesTheModel() {
            server.enqueue(json(404, "{\"error\":{\"message\":\"The model `gpt-4o-mini` does not exist or you do not "
                    + "have access to it.\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"model_not_found\"}}"));
            assertThatThrownBy(() -> client.complete(request()))
                    .hasMessageContaining("HTTP 404")
                    .hasMessageContaining("does not exist")
                    .hasMessageContaining("check clp.model ('gpt-4o-mini') and clp.endpoint");
        }

        @Test
        void a429ReportsRetryAfter() {
            server.enqueue(json(429, "{\"error\":{\"message\":\"Rate limit reached for gpt-4o-mini on requests per min "
                    + "(RPM): Limit 3, Used 3, Requested 1.\",\"type\":\"requests\",\"param\":null,\"code\":\"rate_limit_exceeded\"}}")
                    .setHeader("Retry-After", "20").setHeader("x-ratelimit-remaining-requests", "0"));
            assertThatThrownBy(() -> client.complete(request()))
                    .hasMessageContaining("HTTP 429")
                    .hasMessageContaining("Rate limit reached")
                    .hasMessageContaining("Retry-After: 20");
        }

        @Test
        void a500WithAnHtmlBodyKeepsAnExcerpt() {
            server.enqueue(new MockResponse().setResponseCode(500).setBody("<html><body>upstream failed</body></html>"));
            assertThatThrownBy(() -> client.complete(request()))
                    .hasMessageContaining("HTTP 500: <html><body>upstream failed</body></html>; the server failed");
        }

        @Test
        void garbageWithStatus200() {
            server.enqueue(new MockResponse().setResponseCode(200).setBody("{\"choices\": [garbage"));
            assertThatThrownBy(() -> client.complete(request()))
                    .hasMessageContaining("returned HTTP 200 but the body is not JSON");
        }

        @Test
        void a200WithoutContent() {
            server.enqueue(json(200, "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"tool_calls\":[]}}]}"));
            assertThatThrownBy(() -> client.complete(request()))
                    .hasMessageContaining("no choices[0].message.content");
        }

        @Test
        void aServerThatIsNotThere() throws IOException {
            String url = server.url("/v1").toString();
            server.shutdown();
            var gone = new OpenAiChatClient(url, "m", null, "OPENAI_API_KEY", Duration.ofSeconds(2));
            assertThatThrownBy(() -> gone.complete(request()))
                    .isInstanceOf(ModelException.class)
                    .hasMessageContaining("cannot connect")
                    .hasMessageContaining("clp.endpoint");
        }
    }
}
