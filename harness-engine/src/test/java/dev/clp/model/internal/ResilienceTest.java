package dev.clp.model.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clp.model.CallStats;
import dev.clp.model.ChatMessage;
import dev.clp.model.ChatRequest;
import dev.clp.model.ChatResponse;
import dev.clp.model.ModelClient;
import dev.clp.model.ModelException;
import dev.clp.model.http.RateLimitHeaders;
import dev.clp.model.openai.OpenAiChatClient;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Retries, wait hints and adaptive concurrency over a real HTTP server on 127.0.0.1. */
class ResilienceTest {

    private final MockWebServer server = new MockWebServer();
    private final List<Duration> slept = new ArrayList<>();
    private final CallStats stats = new CallStats();
    private ModelClient client;

    @BeforeEach
    void start() throws IOException {
        server.start();
        OpenAiChatClient http = new OpenAiChatClient(server.url("/v1").toString(), "m", "sk-secret", "OPENAI_API_KEY",
                Duration.ofSeconds(5), stats, null);
        // the limiter's own pause is capped at 20 ms here, so the test does not wait out real Retry-After hints
        client = new RetryingModelClient(new AdaptiveLimiter(http, 4, stats, Duration.ofMillis(20)),
                new RetryingModelClient.Policy(4, Duration.ofMillis(100), Duration.ofSeconds(30)), stats, slept::add);
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    private static ChatRequest request() {
        return new ChatRequest(List.of(ChatMessage.user("A or B?")), 0, 8, 0);
    }

    private static MockResponse ok() {
        return new MockResponse().setHeader("Content-Type", "application/json")
                .setBody("{\"choices\":[{\"message\":{\"content\":\"B\"}}],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":1}}");
    }

    private static MockResponse error(int code) {
        return new MockResponse().setResponseCode(code).setBody("{\"error\":{\"message\":\"code " + code + "\"}}");
    }

    @Nested
    class Retries {
        @Test
        void serverErrorsTimeoutsAndGarbageUntilAnAnswerArrives() {
            server.enqueue(error(500));
            server.enqueue(new MockResponse().setBody("{\"choices\":[{\"message\":{\"content\""));
            server.enqueue(error(503));
            server.enqueue(ok());

            assertThat(client.complete(request()).text()).isEqualTo("B");

            assertThat(server.getRequestCount()).isEqualTo(4);
            assertThat(stats.retries()).isEqualTo(3);
            assertThat(stats.retriesByCause()).containsEntry("HTTP 500", 1L).containsEntry("HTTP 200", 1L)
                    .containsEntry("HTTP 503", 1L);
            assertThat(slept).hasSize(3);
            assertThat(slept.get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
            assertThat(slept.get(2)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
            assertThat(stats.promptTokens()).isEqualTo(5);
        }

        @Test
        void aRateLimitWaitsAtLeastAsLongAsTheServerAsks() {
            server.enqueue(error(429).setHeader("Retry-After", "7"));
            server.enqueue(error(429).setHeader("x-ratelimit-reset-requests", "1m30s"));
            server.enqueue(ok());

            client.complete(request());

            assertThat(slept.get(0)).isGreaterThanOrEqualTo(Duration.ofSeconds(7));
            assertThat(slept.get(1)).isGreaterThanOrEqualTo(Duration.ofSeconds(30)).as("capped at max delay");
        }

        @Test
        void clientErrorsFailAtOnce() {
            // a 401 or 403 also stops the client's later calls (CircuitTest), so it comes last
            for (int code : new int[] {400, 404, 401}) {
                server.enqueue(error(code));
                assertThatThrownBy(() -> client.complete(request())).isInstanceOf(ModelException.class)
                        .hasMessageContaining("HTTP " + code).hasMessageNotContaining("attempts");
            }
            assertThat(server.getRequestCount()).isEqualTo(3);
            assertThat(slept).isEmpty();
        }

        @Test
        void whenTheAttemptsRunOutTheLastFailureSaysHowMany() {
            for (int i = 0; i < 4; i++) {
                server.enqueue(error(502));
            }
            assertThatThrownBy(() -> client.complete(request()))
                    .hasMessageContaining("HTTP 502").hasMessageEndingWith("(after 4 attempts)")
                    .hasMessageNotContaining("sk-secret");
        }
    }

    @Test
    void waitHintsFromEveryProvidersHeaders() {
        Instant now = Instant.parse("2026-11-22T10:00:00Z");
        assertThat(RateLimitHeaders.waitHint(Map.of("Retry-After", "2.5")::get, now)).hasValue(Duration.ofMillis(2500));
        assertThat(RateLimitHeaders.waitHint(Map.of("Retry-After", "Sun, 22 Nov 2026 10:00:09 GMT")::get, now))
                .hasValue(Duration.ofSeconds(9));
        assertThat(RateLimitHeaders.waitHint(Map.of("x-ratelimit-reset-requests", "1s", "x-ratelimit-reset-tokens",
                "6m0s")::get, now)).hasValue(Duration.ofMinutes(6));
        assertThat(RateLimitHeaders.waitHint(Map.of("x-ratelimit-reset-tokens", "20ms")::get, now)).hasValue(Duration.ofMillis(20));
        assertThat(RateLimitHeaders.waitHint(Map.of("anthropic-ratelimit-requests-reset", "2026-11-22T10:00:04Z")::get, now))
                .hasValue(Duration.ofSeconds(4));
        assertThat(RateLimitHeaders.waitHint(Map.of("retry-after-ms", "6500", "Retry-After", "6")::get, now))
                .hasValue(Duration.ofMillis(6500));
        assertThat(RateLimitHeaders.waitHint(Map.<String, String>of()::get, now)).isEmpty();
        assertThat(RateLimitHeaders.waitHint(Map.of("Retry-After", "soon")::get, now)).isEmpty();
    }

    @Test
    void theLimiterHalvesOn429AndGrowsBackOnSuccess() {
        ModelClient failing429 = new ModelClient() {
            int n;

            @Override
            public ChatResponse complete(ChatRequest request) {
                if (n++ < 2) {
                    throw new ModelException("429", 429, true, Duration.ZERO, null);
                }
                return new ChatResponse("A", "stop", 0, 0, 0);
            }

            @Override
            public String name() {
                return "test";
            }
        };
        AdaptiveLimiter limiter = new AdaptiveLimiter(failing429, 16, stats, Duration.ZERO);
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> limiter.complete(request())).isInstanceOf(ModelException.class);
        }
        assertThat(limiter.limit()).as("two 429s in one burst are one overload signal: one cut").isEqualTo(8.0);
        assertThat(stats.limitCuts()).isEqualTo(1);
        // additive increase of 1/limit per success: from 8, about 60 successes bring it past 13
        for (int i = 0; i < 60; i++) {
            limiter.complete(request());
        }
        assertThat(limiter.limit()).isGreaterThan(13.0).isLessThanOrEqualTo(16.0);
        for (int i = 0; i < 1000; i++) {
            limiter.complete(request());
        }
        assertThat(limiter.limit()).isEqualTo(16.0);
    }
}
