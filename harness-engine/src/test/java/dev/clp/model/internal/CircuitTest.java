package dev.clp.model.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clp.model.CallStats;
import dev.clp.model.ChatMessage;
import dev.clp.model.ChatRequest;
import dev.clp.model.ChatResponse;
import dev.clp.model.ModelClient;
import dev.clp.model.ModelClients;
import dev.clp.model.ModelException;
import dev.clp.model.openai.OpenAiChatClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One model's calls share a circuit: a refused key (401/403) stops the calls not yet sent, and an endpoint that never
 * answered stops them after a few attempts instead of every call retrying to the end (issue 14 item 7).
 */
class CircuitTest {

    private static final int CONCURRENCY = 4;
    private final CallStats stats = new CallStats();
    private final ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY * 2);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private ModelClient client(String base) {
        OpenAiChatClient http = new OpenAiChatClient(base, "m", "sk-x", "OPENAI_API_KEY", Duration.ofSeconds(5), stats,
                null);
        // the layers ModelClients builds for every HTTP model
        return RetryingModelClient.resilient(http, CONCURRENCY,
                new RetryingModelClient.Policy(10, Duration.ofMillis(1), Duration.ofMillis(5)), stats,
                d -> Thread.sleep(d.toMillis()));
    }

    /** Sends {@code n} calls from more threads than the limiter lets through; what each ended in. */
    private List<Object> send(ModelClient client, int n) throws Exception {
        List<Future<Object>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            futures.add(pool.submit(() -> {
                try {
                    return client.complete(new ChatRequest(List.of(ChatMessage.user("A or B?")), 0, 8, 0));
                } catch (ModelException e) {
                    return e;
                }
            }));
        }
        List<Object> out = new ArrayList<>();
        for (Future<Object> f : futures) {
            out.add(f.get());
        }
        return out;
    }

    @Test
    void aRefusedKeyAfterOneHundredAnswersStopsTheCallsNotYetSent() throws Exception {
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger afterRefusal = new AtomicInteger();
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    if (answered.get() >= 100) {
                        afterRefusal.incrementAndGet();
                        return new MockResponse().setResponseCode(401)
                                .setBody("{\"error\":{\"message\":\"key revoked\",\"code\":\"invalid_api_key\"}}");
                    }
                    answered.incrementAndGet();
                    return new MockResponse().setBody("{\"choices\":[{\"message\":{\"content\":\"B\"}}]}");
                }
            });
            server.start();
            ModelClient client = client(server.url("/v1").toString());

            List<Object> results = send(client, 204);

            assertThat(results.stream().filter(r -> r instanceof ChatResponse)).hasSize(100);
            assertThat(afterRefusal.get()).as("requests after the first 401: only those already in flight")
                    .isBetween(1, CONCURRENCY);
            List<ModelException> failures = results.stream().filter(r -> r instanceof ModelException)
                    .map(r -> (ModelException) r).toList();
            assertThat(failures).hasSize(104).allSatisfy(e -> {
                assertThat(e.retryable()).isFalse();
                assertThat(e.getMessage()).contains(server.url("/v1/chat/completions").toString())
                        .contains("HTTP 401").contains("OPENAI_API_KEY").contains("clp.api-key-env");
            });
            assertThat(failures.stream().filter(e -> e.getMessage().startsWith("not sent"))).hasSizeGreaterThan(90);
            assertThat(stats.stopped()).as("the one message of the run").startsWith("openai:m stopped after")
                    .contains("HTTP 401").contains("clp.api-key-env");
        }
    }

    @Test
    void anEndpointThatNeverAnsweredStopsAfterAFewAttemptsInsteadOfRetryingEveryCall() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ModelClient client = client("http://127.0.0.1:" + port + "/v1");

        List<Object> results = send(client, 50);

        assertThat(results).allSatisfy(r -> assertThat(r).isInstanceOf(ModelException.class));
        assertThat(stats.calls()).as("connection attempts for 50 calls").isLessThanOrEqualTo(3L * CONCURRENCY * 2);
        assertThat(results).allSatisfy(r -> assertThat(((ModelException) r).getMessage())
                .contains("127.0.0.1:" + port).contains("cannot connect").contains("clp.endpoint"));
        assertThat(stats.stopped()).contains("never answered").contains("attempts").contains("127.0.0.1:" + port);
    }

    @Test
    void anEndpointThatAnsweredBeforeKeepsRetryingAConnectionFailure() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse().setBody("{\"choices\":[{\"message\":{\"content\":\"B\"}}]}"));
            server.enqueue(new MockResponse().setSocketPolicy(okhttp3.mockwebserver.SocketPolicy.DISCONNECT_AT_START));
            server.enqueue(new MockResponse().setSocketPolicy(okhttp3.mockwebserver.SocketPolicy.DISCONNECT_AT_START));
            server.enqueue(new MockResponse().setSocketPolicy(okhttp3.mockwebserver.SocketPolicy.DISCONNECT_AT_START));
            server.enqueue(new MockResponse().setBody("{\"choices\":[{\"message\":{\"content\":\"C\"}}]}"));
            server.start();
            ModelClient client = client(server.url("/v1").toString());

            List<Object> results = send(client, 1);
            results.addAll(send(client, 1));

            assertThat(results).allSatisfy(r -> assertThat(r).isInstanceOf(ChatResponse.class));
            assertThat(stats.stopped()).isNull();
        }
    }
}
