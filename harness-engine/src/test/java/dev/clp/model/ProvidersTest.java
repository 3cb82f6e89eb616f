package dev.clp.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clp.model.anthropic.AnthropicMessagesClient;
import dev.clp.model.openai.OpenAiChatClient;
import dev.clp.model.spi.Questions;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Anthropic Messages and Azure OpenAI: request shape, headers, answers and error bodies, against fixtures. */
class ProvidersTest {

    private static final String KEY = "test-key-0123456789";
    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    private static ChatRequest request() {
        return new ChatRequest(List.of(new ChatMessage("system", "Be brief."), ChatMessage.user("A or B?")), 0.0, 64, 0);
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(body);
    }

    @Nested
    class Anthropic {
        private AnthropicMessagesClient client() {
            return new AnthropicMessagesClient(server.url("/").toString(), "claude-sonnet-4-5", KEY, "ANTHROPIC_API_KEY",
                    "2023-06-01", Duration.ofSeconds(5), new CallStats());
        }

        @Test
        void sendsTheMessagesShapeAndReadsTextBlocks() throws Exception {
            server.enqueue(json(200, """
                    {"id":"msg_01","type":"message","role":"assistant","model":"claude-sonnet-4-5",
                     "content":[{"type":"text","text":"Answer: "},{"type":"text","text":"B"}],
                     "stop_reason":"end_turn","stop_sequence":null,"usage":{"input_tokens":21,"output_tokens":3}}"""));

            ChatResponse r = client().complete(request());

            RecordedRequest rec = server.takeRequest();
            assertThat(rec.getPath()).isEqualTo("/v1/messages");
            assertThat(rec.getHeader("x-api-key")).isEqualTo(KEY);
            assertThat(rec.getHeader("anthropic-version")).isEqualTo("2023-06-01");
            assertThat(rec.getHeader("Authorization")).isNull();
            JsonNode body = new ObjectMapper().readTree(rec.getBody().readUtf8());
            assertThat(body.get("model").asText()).isEqualTo("claude-sonnet-4-5");
            assertThat(body.get("max_tokens").asInt()).isEqualTo(64);
            assertThat(body.get("system").asText()).isEqualTo("Be brief.");
            assertThat(body.get("messages")).hasSize(1);
            assertThat(body.get("messages").get(0).get("role").asText()).isEqualTo("user");
            assertThat(r.text()).isEqualTo("Answer: B");
            assertThat(r.promptTokens()).isEqualTo(21);
            assertThat(r.finishReason()).isEqualTo("end_turn");
        }

        @Test
        void aReplyCutOffAtMaxTokensIsReportedAsLengthLikeOpenAi() {
            server.enqueue(json(200, """
                    {"id":"msg_02","type":"message","role":"assistant","content":[{"type":"text","text":"Let us see: A is"}],
                     "stop_reason":"max_tokens","usage":{"input_tokens":21,"output_tokens":64}}"""));

            ChatResponse r = client().complete(request());

            assertThat(r.finishReason()).isEqualTo("length");
        }

        @ParameterizedTest(name = "HTTP {0} {1}")
        @CsvSource(textBlock = """
                400, invalid_request_error, false
                401, authentication_error, false
                403, permission_error, false
                404, not_found_error, false
                429, rate_limit_error, true
                500, api_error, true
                529, overloaded_error, true
                """)
        void errorBodiesNameTheEndpointTheTypeAndWhetherToRetry(int code, String type, boolean retryable) {
            server.enqueue(json(code, "{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\"something about "
                    + type + "\"}}").setHeader("retry-after", "3")
                    .setHeader("anthropic-ratelimit-requests-reset", "2099-01-01T00:00:00Z"));
            assertThatThrownBy(() -> client().complete(request())).isInstanceOfSatisfying(ModelException.class, e -> {
                assertThat(e.getMessage()).startsWith("POST " + server.url("/v1/messages") + " -> HTTP " + code
                        + ": something about " + type + " (" + type + ")");
                assertThat(e.retryable()).isEqualTo(retryable);
                assertThat(e.retryAfter()).isPresent();
                if (code == 401) {
                    assertThat(e.getMessage()).contains("ANTHROPIC_API_KEY");
                }
                if (code == 404) {
                    assertThat(e.getMessage()).contains("clp.model ('claude-sonnet-4-5')");
                }
            });
        }

        @Test
        void aMessageWithoutTextIsRetryable() {
            server.enqueue(json(200, "{\"type\":\"message\",\"content\":[{\"type\":\"tool_use\",\"id\":\"t\",\"name\":\"x\","
                    + "\"input\":{}}]}"));
            assertThatThrownBy(() -> client().complete(request())).isInstanceOfSatisfying(ModelException.class,
                    e -> assertThat(e.retryable()).isTrue());
        }
    }

    @Nested
    class Azure {
        private OpenAiChatClient client() {
            return OpenAiChatClient.azure(server.url("/").toString(), "gpt4o-prod", "2024-10-21", KEY,
                    "AZURE_OPENAI_API_KEY", Duration.ofSeconds(5), new CallStats(), null);
        }

        @Test
        void sendsToTheDeploymentWithApiVersionAndApiKeyHeader() throws Exception {
            server.enqueue(json(200, """
                    {"id":"chatcmpl-1","object":"chat.completion","model":"gpt-4o-2024-08-06",
                     "choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":"C"},
                       "content_filter_results":{}}],"usage":{"prompt_tokens":9,"completion_tokens":1,"total_tokens":10}}"""));

            ChatResponse r = client().complete(request());

            RecordedRequest rec = server.takeRequest();
            assertThat(rec.getPath()).isEqualTo("/openai/deployments/gpt4o-prod/chat/completions?api-version=2024-10-21");
            assertThat(rec.getHeader("api-key")).isEqualTo(KEY);
            assertThat(rec.getHeader("Authorization")).isNull();
            JsonNode body = new ObjectMapper().readTree(rec.getBody().readUtf8());
            assertThat(body.has("model")).isFalse();
            assertThat(body.get("messages")).hasSize(2);
            assertThat(r.text()).isEqualTo("C");
            assertThat(client().name()).isEqualTo("azure:gpt4o-prod");
        }

        @Test
        void rateLimitsHonourRetryAfterAndDeploymentErrorsNameTheDeployment() {
            server.enqueue(json(429, "{\"error\":{\"code\":\"429\",\"message\":\"Requests to the ChatCompletions_Create "
                    + "Operation under Azure OpenAI API version 2024-10-21 have exceeded call rate limit of your current "
                    + "OpenAI S0 pricing tier. Please retry after 6 seconds.\"}}").setHeader("retry-after", "6")
                    .setHeader("retry-after-ms", "6000"));
            assertThatThrownBy(() -> client().complete(request())).isInstanceOfSatisfying(ModelException.class, e -> {
                assertThat(e.retryable()).isTrue();
                assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(6));
                assertThat(e.getMessage()).contains("exceeded call rate limit");
            });
            server.enqueue(json(404, "{\"error\":{\"code\":\"DeploymentNotFound\",\"message\":\"The API deployment for "
                    + "this resource does not exist.\"}}"));
            assertThatThrownBy(() -> client().complete(request())).isInstanceOfSatisfying(ModelException.class, e -> {
                assertThat(e.retryable()).isFalse();
                assertThat(e.getMessage()).contains("(code DeploymentNotFound)").contains("'gpt4o-prod'");
            });
            server.enqueue(json(401, "{\"error\":{\"code\":\"401\",\"message\":\"Access denied due to invalid subscription "
                    + "key or wrong API endpoint.\"}}"));
            assertThatThrownBy(() -> client().complete(request())).hasMessageContaining("AZURE_OPENAI_API_KEY");
        }
    }

    @Test
    void azureNeedsAnEndpointAndEveryProviderNamesItsKeyVariable() {
        java.util.Map<String, String> none = java.util.Map.of();
        assertThatThrownBy(() -> ModelClients.create(config("azure:prod"), none, new Questions()))
                .hasMessageStartingWith("clp.endpoint: required for azure");
        assertThatThrownBy(() -> ModelClients.create(config("anthropic:claude-haiku-4-5"), none, new Questions()))
                .hasMessageStartingWith("the environment variable ANTHROPIC_API_KEY is not set");
    }

    @Test
    void anUnknownPrefixNamesTheProvidersFoundOnTheClassPath() {
        assertThatThrownBy(() -> ModelClients.create(config("bard:x"), java.util.Map.of(), new Questions()))
                .isInstanceOf(dev.clp.config.ConfigException.class)
                .hasMessageStartingWith("clp.model: unsupported provider 'bard' in 'bard:x'; providers found: ")
                .hasMessageContaining("anthropic, azure, openai, sim")
                .hasMessageContaining("dev.clp.model.spi.ModelProvider");
    }

    @Test
    void everyShippedPrefixIsAProviderFoundThroughTheServiceLoader() {
        assertThat(ModelClients.providers()).containsKeys("openai", "azure", "anthropic", "sim");
        assertThat(ModelClients.apiVersion(config("azure:prod"), "azure")).isEqualTo("2024-10-21");
        assertThat(ModelClients.apiVersion(config("openai:m"), "openai")).isEmpty();
    }

    private static dev.clp.config.ClpConfig config(String model) {
        return dev.clp.config.ClpConfig.from(k -> java.util.Optional.ofNullable(
                k.equals("clp.model") ? model : k.equals("clp.cache") ? "off" : null), java.util.Map.of());
    }
}
