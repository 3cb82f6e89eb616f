package dev.clp.model.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clp.model.CallStats;
import dev.clp.model.ChatMessage;
import dev.clp.model.ChatRequest;
import dev.clp.model.ChatResponse;
import dev.clp.model.ModelClient;
import dev.clp.model.ModelException;
import dev.clp.model.anthropic.AnthropicMessagesClient;
import dev.clp.model.openai.OpenAiChatClient;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Servers on 127.0.0.1 that answer the way an unfriendly world would (issue 14): redirects, huge bodies, escapes. */
class HostileEndpointTest {

    private static final String KEY = "sk-hostile-SECRET-0123456789";

    private final MockWebServer api = new MockWebServer();
    private final MockWebServer other = new MockWebServer();
    private final List<Duration> slept = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        api.start();
        other.start();
    }

    @AfterEach
    void stop() throws IOException {
        api.shutdown();
        other.shutdown();
    }

    /** The failure of a call that must fail; null when it answered. */
    private static ModelException failure(java.util.function.Supplier<ChatResponse> call) {
        try {
            call.get();
            return null;
        } catch (ModelException e) {
            return e;
        }
    }

    private static ChatRequest request() {
        return new ChatRequest(List.of(ChatMessage.user("A or B?")), 0, 8, 0);
    }

    private static ModelClient provider(String provider, String base) {
        return switch (provider) {
            case "openai" -> new OpenAiChatClient(base, "m", KEY, "OPENAI_API_KEY", Duration.ofSeconds(10),
                    new CallStats(), null);
            case "azure" -> OpenAiChatClient.azure(base, "dep", "2024-10-21", KEY, "AZURE_OPENAI_API_KEY",
                    Duration.ofSeconds(10), new CallStats(), null);
            default -> new AnthropicMessagesClient(base, "claude", KEY, "ANTHROPIC_API_KEY", "2023-06-01",
                    Duration.ofSeconds(10), new CallStats());
        };
    }

    private ModelClient retrying(ModelClient http) {
        CallStats stats = new CallStats();
        return new RetryingModelClient(http, new RetryingModelClient.Policy(10, Duration.ofMillis(1),
                Duration.ofMillis(5)), stats, slept::add);
    }

    /** An answer every provider accepts (OpenAI's and Anthropic's shapes in one body). */
    private static MockResponse acceptable() {
        return new MockResponse().setHeader("Content-Type", "application/json").setBody("{\"choices\":[{\"message\":"
                + "{\"content\":\"B\"}}],\"content\":[{\"type\":\"text\",\"text\":\"B\"}]}");
    }

    private static String sentKey(RecordedRequest r) {
        return String.join("|", String.valueOf(r.getHeader("Authorization")), String.valueOf(r.getHeader("api-key")),
                String.valueOf(r.getHeader("x-api-key")));
    }

    static Stream<Arguments> providersAndRedirects() {
        List<Arguments> out = new ArrayList<>();
        for (String p : List.of("openai", "azure", "anthropic")) {
            for (int code : new int[] {301, 302, 303, 307, 308}) {
                out.add(Arguments.of(p, code));
            }
        }
        return out.stream();
    }

    @Nested
    class Redirects {
        @ParameterizedTest(name = "{0} {1}")
        @MethodSource("dev.clp.model.internal.HostileEndpointTest#providersAndRedirects")
        void areNotFollowedSoTheOtherHostReceivesNothingAndTheCallFailsOnceNamingBothUrls(String p, int code)
                throws InterruptedException {
            for (int i = 0; i < 10; i++) {
                other.enqueue(acceptable());
            }
            String target = other.url("/v1/steal?token=TOKEN-VALUE").toString();
            api.enqueue(new MockResponse().setResponseCode(code).setHeader("Location", target));
            ModelClient client = retrying(provider(p, api.url("/v1").toString()));

            ModelException e = failure(() -> client.complete(request()));

            assertThat(other.getRequestCount()).as("requests the other host received").isZero();
            assertThat(api.getRequestCount()).as("not retried").isEqualTo(1);
            assertThat(sentKey(api.takeRequest())).as("the key went to the configured host").contains(KEY);
            assertThat(e).as("a redirect is never an answer").isNotNull();
            assertThat(e.retryable()).isFalse();
            assertThat(e.httpStatus()).isEqualTo(code);
            assertThat(e.getMessage()).contains("HTTP " + code).contains(api.url("/").toString())
                    .contains(other.url("/v1/steal").toString() + "?token=***")
                    .doesNotContain("TOKEN-VALUE").doesNotContain(KEY).contains("clp.endpoint");
        }
    }

    /** A server on 127.0.0.1 that sends an endless chunked body (bounded, so that a client without a limit survives). */
    private static final class EndlessBody implements AutoCloseable {
        final ServerSocket socket = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        final AtomicLong written = new AtomicLong();
        final Thread thread;

        EndlessBody(long cap) throws IOException {
            thread = new Thread(() -> {
                try (Socket s = socket.accept()) {
                    s.getInputStream().read(new byte[8192]);
                    OutputStream out = s.getOutputStream();
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    byte[] chunk = ("10000\r\n" + "[".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                    while (written.get() < cap) {
                        out.write(chunk);
                        written.addAndGet(0x10000);
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException hungUp) {
                    // the client closed the connection: what a limit does
                }
            }, "endless-body");
            thread.setDaemon(true);
            thread.start();
        }

        String url() {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/v1";
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    @Nested
    class ResponseSize {
        @Test
        void anEndlessChunkedBodyEndsInOneClearErrorNamingTheEndpointAndTheKeyWithoutReadingItAll()
                throws Exception {
            long cap = 256L * 1024 * 1024;
            try (EndlessBody server = new EndlessBody(cap)) {
                ModelClient client = retrying(provider("openai", server.url()));

                ModelException e = failure(() -> client.complete(request()));

                server.thread.join(10_000);
                assertThat(e).isNotNull();
                assertThat(e.retryable()).isFalse();
                assertThat(e.getMessage()).contains(server.url() + "/chat/completions")
                        .contains("clp.http.max-response-bytes").contains(String.valueOf(4L * 1024 * 1024));
                assertThat(server.written.get()).as("bytes the server got rid of before the client hung up")
                        .isLessThan(cap);
            }
        }

        private String content(int length) {
            return "{\"choices\":[{\"message\":{\"content\":\"B" + " ".repeat(length) + "\"}}]}";
        }

        @Test
        void aBodyJustUnderTheLimitParsesAndOneJustOverFailsOnceWithoutRetries() {
            int limit = 100_000;
            String under = content(limit - content(0).length());
            assertThat(under.length()).isEqualTo(limit);
            api.enqueue(new MockResponse().setBody(under));
            api.enqueue(new MockResponse().setBody(under + " "));
            api.enqueue(new MockResponse().setChunkedBody(under + " ", 4096));
            for (int i = 0; i < 10; i++) {
                api.enqueue(acceptable());
            }
            ModelClient client = retrying(((OpenAiChatClient) provider("openai", api.url("/v1").toString()))
                    .withMaxResponseBytes(limit));

            assertThat(client.complete(request()).text()).startsWith("B").hasSize(limit - content(0).length() + 1);
            assertThatThrownBy(() -> client.complete(request())).isInstanceOf(ModelException.class)
                    .hasMessageContaining("larger than clp.http.max-response-bytes (" + limit + " bytes;");
            assertThatThrownBy(() -> client.complete(request())).isInstanceOf(ModelException.class)
                    .hasMessageContaining("larger than clp.http.max-response-bytes (" + limit + " bytes;")
                    .hasMessageNotContaining("attempts");
            assertThat(api.getRequestCount()).as("each oversized body asked once").isEqualTo(3);
        }

        @Test
        void validJsonBeyondJacksonsDefaultStringLimitParsesWhenTheLimitAllowsIt() {
            // Jackson refuses strings over 20 million characters by default: the limit decides, not Jackson
            int length = 20_500_000;
            api.enqueue(new MockResponse().setBody(content(length)));
            ModelClient client = ((OpenAiChatClient) provider("openai", api.url("/v1").toString()))
                    .withMaxResponseBytes(32L * 1024 * 1024);

            assertThat(client.complete(request()).text()).hasSize(length + 1);
        }

        @ParameterizedTest
        @ValueSource(strings = {"openai", "azure", "anthropic"})
        void everyProviderEnforcesTheLimit(String p) {
            api.enqueue(new MockResponse().setBody("{\"pad\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}"));

            assertThatThrownBy(() -> provider(p, api.url("/v1").toString()).complete(request()))
                    .isInstanceOf(ModelException.class).hasMessageContaining("clp.http.max-response-bytes");
        }
    }

    @Nested
    class Redaction {
        private String withSecrets() {
            return "http://alice:PASSWORD-1@127.0.0.1:" + api.getPort() + "/v1?api-key=QUERY-SECRET&mode=fast";
        }

        @Test
        void aQueryStringInTheEndpointStaysAQueryBehindTheApiPath() throws InterruptedException {
            api.enqueue(acceptable());
            api.enqueue(acceptable());
            api.enqueue(acceptable());

            provider("openai", withSecrets()).complete(request());
            provider("azure", "http://127.0.0.1:" + api.getPort() + "/?tenant=t1").complete(request());
            provider("anthropic", withSecrets()).complete(request());

            assertThat(api.takeRequest().getPath()).isEqualTo("/v1/chat/completions?api-key=QUERY-SECRET&mode=fast");
            assertThat(api.takeRequest().getPath())
                    .isEqualTo("/openai/deployments/dep/chat/completions?tenant=t1&api-version=2024-10-21");
            assertThat(api.takeRequest().getPath()).isEqualTo("/v1/messages?api-key=QUERY-SECRET&mode=fast");
        }

        @ParameterizedTest
        @ValueSource(strings = {"openai", "azure", "anthropic"})
        void httpErrorsNameTheEndpointWithoutUserInfoOrQueryValues(String p) {
            api.enqueue(new MockResponse().setResponseCode(400).setBody("{\"error\":{\"message\":\"bad\"}}"));

            assertThatThrownBy(() -> provider(p, withSecrets()).complete(request())).isInstanceOf(ModelException.class)
                    .hasMessageContaining("http://127.0.0.1:" + api.getPort() + "/")
                    .hasMessageContaining("api-key=***&mode=***").hasMessageNotContaining("PASSWORD-1")
                    .hasMessageNotContaining("alice").hasMessageNotContaining("QUERY-SECRET");
        }

        @Test
        void transportErrorsNameTheEndpointWithoutUserInfoOrQueryValues() throws IOException {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            String closed = "http://alice:PASSWORD-1@127.0.0.1:" + port + "/v1?api-key=QUERY-SECRET";

            assertThatThrownBy(() -> provider("openai", closed).complete(request())).isInstanceOf(ModelException.class)
                    .hasMessageContaining("127.0.0.1:" + port).hasMessageContaining("api-key=***")
                    .hasMessageNotContaining("PASSWORD-1").hasMessageNotContaining("QUERY-SECRET");
        }
    }

    @Nested
    class TerminalEscapes {
        private static final String HOSTILE = "bad \u001b[2J\u001b]0;pwned\u0007request\u009b31m";

        @ParameterizedTest
        @ValueSource(strings = {"openai", "azure", "anthropic"})
        void anErrorBodyReachesTheMessageWithoutEscapesOrControls(String p) {
            api.enqueue(new MockResponse().setResponseCode(400).setBody("{\"error\":{\"message\":\"" + HOSTILE
                    .replace("\u001b", "\\u001b").replace("\u0007", "\\u0007").replace("\u009b", "\\u009b") + "\"}}"));
            api.enqueue(new MockResponse().setResponseCode(400).setBody(HOSTILE));

            for (int i = 0; i < 2; i++) {
                ModelException e = failure(() -> provider(p, api.url("/v1").toString()).complete(request()));
                assertThat(e.getMessage()).contains("bad").contains("request").doesNotContain("\u001b")
                        .doesNotContain("\u0007").doesNotContain("\u009b").doesNotContain("pwned");
            }
        }
    }

    @org.junit.jupiter.api.Nested
    class Blackhole {
        /**
         * An endpoint whose TCP connections are never accepted (a firewall dropping packets, a host that is down): a
         * listening socket whose accept queue is full drops further connection attempts on Linux, so they time out.
         * The call fails as "cannot connect", and the retry layer treats it as unreachable: three attempts, then the
         * other calls are not sent (instead of ten attempts of a timeout each).
         */
        @Test
        void aConnectionThatIsNeverAcceptedIsCannotConnectAndStopsTheOtherCalls() throws IOException {
            try (java.net.ServerSocket full = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                List<java.net.Socket> queued = new ArrayList<>();
                try {
                    // fill the accept queue: later connection attempts get no answer
                    for (int i = 0; i < 8; i++) {
                        java.net.Socket socket = new java.net.Socket();
                        try {
                            socket.connect(full.getLocalSocketAddress(), 200);
                            queued.add(socket);
                        } catch (java.net.SocketTimeoutException e) {
                            socket.close();
                            break;
                        }
                    }
                    org.junit.jupiter.api.Assumptions.assumeTrue(queued.size() < 8,
                            "this system accepts connections beyond the backlog; cannot build a blackhole here");
                    String base = "http://127.0.0.1:" + full.getLocalPort() + "/v1";
                    List<Duration> waits = new ArrayList<>();
                    CallStats stats = new CallStats();
                    ModelClient client = RetryingModelClient.resilient(provider("openai", base), 2,
                            new RetryingModelClient.Policy(10, Duration.ofMillis(1), Duration.ofMillis(5)), stats,
                            waits::add);
                    ModelException first = failure(() -> client.complete(request()));
                    assertThat(first).isNotNull();
                    assertThat(first.getMessage()).contains("cannot connect").contains("127.0.0.1:" + full.getLocalPort())
                            .contains("after 3 attempts").contains("never answered");
                    assertThat(waits).hasSize(2);
                    ModelException next = failure(() -> client.complete(request()));
                    assertThat(next).isNotNull();
                    assertThat(next.getMessage()).startsWith("not sent: ");
                } finally {
                    for (java.net.Socket socket : queued) {
                        socket.close();
                    }
                }
            }
        }
    }
}
