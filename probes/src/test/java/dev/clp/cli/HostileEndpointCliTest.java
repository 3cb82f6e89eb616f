package dev.clp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clp.suite.Pair;
import dev.clp.suite.PairIds;
import dev.clp.suite.Side;
import dev.clp.suite.SuiteManifest;
import dev.clp.suite.SuiteWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code clp run} and {@code clp generate} against hostile servers on 127.0.0.1 (issue 14 items 6 and 7). */
class HostileEndpointCliTest {

    private static final String ESCAPES = "\u001b[2J\u001b]0;pwned\u0007";

    @TempDir
    Path tmp;

    /** A Swahili suite of {@code n} pairs; the first question carries terminal escapes when {@code hostile}. */
    private Path suite(int n, boolean hostile) {
        Path dir = tmp.resolve("suite");
        SuiteWriter.writeManifest(dir, new SuiteManifest("hostile", "0.1.0", "hostile", null, "MIT", List.of(), Map.of()));
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String q = (hostile && i == 0 ? "Escaped " + ESCAPES + "question" : "Question " + i) + "?";
            Side en = new Side(q, List.of("a" + i, "b" + i, "c" + i, "d" + i), 0);
            Side sw = new Side("[sw] " + q, List.of("a" + i, "b" + i, "c" + i, "d" + i), 0);
            pairs.add(new Pair(PairIds.of("sw", en), "sw", "fixture", "general knowledge", en, sw, null, Map.of()));
        }
        SuiteWriter.writePairs(dir, "sw", pairs);
        return dir;
    }

    private static MockResponse answer() {
        return new MockResponse().setHeader("Content-Type", "application/json")
                .setBody("{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"Answer: A\"}}]}");
    }

    private static MockResponse hostileError() {
        return new MockResponse().setResponseCode(400).setBody("{\"error\":{\"message\":\"bad \\u001b[2J\\u001b]0;pwned"
                + "\\u0007request\"}}");
    }

    private static void assertNoEscapes(String text) {
        assertThat(text).doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\u009b");
    }

    private Cli.Result run(Path suite, String endpoint, String... more) {
        List<String> args = new ArrayList<>(List.of("run", "--suite", suite.toString(), "-Dclp.model=openai:m",
                "-Dclp.endpoint=" + endpoint, "-Dclp.cache=off", "-Dclp.concurrency=2",
                "-Dclp.results.dir=" + tmp.resolve("results"), "-Dclp.allure.results-dir=" + tmp.resolve("allure")));
        args.addAll(List.of(more));
        return Cli.clp(args.toArray(String[]::new));
    }

    private JsonNode runJson() throws java.io.IOException {
        return new ObjectMapper().readTree(tmp.resolve("results/run.json").toFile());
    }

    @Test
    void escapesInAnErrorBodyAndInQuestionTextNeverReachTheTerminal() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    return hostileError();
                }
            });
            server.start();

            Cli.Result r = run(suite(3, true), server.url("/v1").toString());

            assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
            assertThat(r.out()).contains("failed:").contains("HTTP 400: bad").contains("request")
                    .contains("Escaped question?");
            assertNoEscapes(r.out());
            assertNoEscapes(r.err());
        }
    }

    @Test
    void aRefusedKeyMidRunStopsTheRemainingCallsKeepsTheAnswersAndExitsNonZero() throws Exception {
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger afterRefusal = new AtomicInteger();
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    if (answered.get() >= 10) {
                        afterRefusal.incrementAndGet();
                        return new MockResponse().setResponseCode(401)
                                .setBody("{\"error\":{\"message\":\"key revoked\",\"code\":\"invalid_api_key\"}}");
                    }
                    answered.incrementAndGet();
                    return answer();
                }
            });
            server.start();

            Cli.Result r = run(suite(40, false), server.url("/v1").toString());

            assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
            assertThat(afterRefusal.get()).as("requests after the first 401: at most the calls in flight").isBetween(1, 2);
            assertThat(r.out().split("STOPPED:", -1)).as("one STOPPED line").hasSize(2);
            assertThat(r.out()).contains("STOPPED: openai:m stopped after: POST " + server.url("/v1/chat/completions")
                    + " -> HTTP 401: key revoked").contains("clp.api-key-env");
            JsonNode run = runJson();
            assertThat(run.path("usage").path("stopped").asText()).contains("HTTP 401");
            List<String> kinds = new ArrayList<>();
            run.path("pairs").forEach(p -> kinds.add(p.path("outcome").asText(p.path("kind").asText())));
            assertThat(kinds).hasSize(40).doesNotContain("not-run");
            assertThat(kinds.stream().filter("error"::equals).count()).as(kinds.toString()).isBetween(30L, 38L);
            assertThat(kinds.stream().filter("consistent"::equals).count()).as("answers kept").isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void aDeadEndpointFailsFastNamingTheEndpointInsteadOfRetryingEveryPair() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        long start = System.nanoTime();

        Cli.Result r = run(suite(12, false), "http://127.0.0.1:" + port + "/v1");

        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(java.util.Locale.ROOT, "dead endpoint, 12 pairs: %.1f s, %d connection attempts%n", seconds,
                runJson().path("usage").path("modelCalls").asLong());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).contains("STOPPED:").contains("127.0.0.1:" + port).contains("cannot connect")
                .contains("never answered");
        assertThat(runJson().path("usage").path("modelCalls").asLong()).as("connection attempts, not 10 per pair")
                .isLessThanOrEqualTo(3L * 6);
    }

    @Test
    void generatePrintsAnErrorBodyWithoutItsEscapes() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    return hostileError();
                }
            });
            server.start();

            Cli.Result r = Cli.clp("generate", "--source",
                    Path.of("src/test/resources/seeds/general.json").toAbsolutePath().toString(), "--language", "sw",
                    "--panel", "openai:gpt-4o-mini", "--out", tmp.resolve("o").toString(), "--checkpoint",
                    tmp.resolve("c.sqlite").toString(), "-Dclp.endpoint=" + server.url("/v1"), "-Dclp.cache=off");

            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.err()).contains("HTTP 400: bad").contains("request");
            assertNoEscapes(r.err());
            assertNoEscapes(r.out());
        }
    }
}
