package dev.clp.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import dev.clp.testing.EngineRun;
import dev.clp.testing.SuiteFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** A whole run against hostile endpoints: what is printed and stored, and the body limit as configured. */
class HostileEndpointsEngineTest {

    @TempDir
    Path tmp;

    private EngineTestKit.Builder engine(String endpoint, Path suite) {
        return EngineRun.in(tmp).engine(new ClpTestEngine(Map.of()))
                .configurationParameter("clp.results.dir", tmp.resolve("results").toString())
                .configurationParameter("clp.allure.results-dir", tmp.resolve("allure").toString())
                .configurationParameter("clp.model", "openai:m")
                .configurationParameter("clp.endpoint", endpoint)
                .configurationParameter("clp.cache", "off")
                .configurationParameter("clp.retry.base-delay-ms", "1")
                .configurationParameter("clp.retry.max-delay-ms", "5")
                .selectors(selectDirectory(suite.toFile()));
    }

    /** Every event, failure, report entry and written file of the run, as one text. */
    private String everything(EngineExecutionResults results) throws IOException {
        StringBuilder all = new StringBuilder();
        for (Event e : results.allEvents().list()) {
            all.append(e).append('\n');
            e.getPayload(org.junit.platform.engine.TestExecutionResult.class).flatMap(r -> r.getThrowable())
                    .ifPresent(t -> all.append(t).append('\n'));
            e.getPayload(ReportEntry.class).ifPresent(r -> all.append(r.getKeyValuePairs()).append('\n'));
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(tmp)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path f : files) {
            all.append(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
        }
        return all.toString();
    }

    @Test
    void credentialsInTheEndpointUrlAppearNowhereAndItsQueryStaysTheQuery() throws Exception {
        Path suite = SuiteFixtures.suite(tmp.resolve("s"), "s", 4, "sw");
        AtomicInteger calls = new AtomicInteger();
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    if (!"/v1/chat/completions?api-key=QUERY-SECRET".equals(request.getPath())) {
                        return new MockResponse().setResponseCode(404).setBody("no route " + request.getPath());
                    }
                    return calls.incrementAndGet() % 2 == 0 ? new MockResponse().setResponseCode(500).setBody("{}")
                            : new MockResponse().setBody("{\"choices\":[{\"message\":{\"content\":\"A\"}}]}");
                }
            });
            server.start();
            String endpoint = "http://alice:PASSWORD-1@127.0.0.1:" + server.getPort() + "/v1?api-key=QUERY-SECRET";

            EngineExecutionResults results = engine(endpoint, suite).configurationParameter("clp.retry.max-attempts", "1")
                    .execute();

            String all = everything(results);
            assertThat(all).as("a transport error was reported").contains("HTTP 500");
            assertThat(all).contains("127.0.0.1:" + server.getPort() + "/v1/chat/completions?api-key=***")
                    .doesNotContain("PASSWORD-1").doesNotContain("alice").doesNotContain("QUERY-SECRET");
            String runJson = Files.readString(tmp.resolve("results/run.json"));
            assertThat(runJson).contains("\"endpoint\" : \"http://127.0.0.1:" + server.getPort() + "/v1?api-key=***\"");
            assertThat(Files.readString(tmp.resolve("allure/environment.properties")))
                    .contains("endpoint=http://127.0.0.1:" + server.getPort() + "\n");
        }
    }

    @Test
    void theBodyLimitIsTheConfiguredKeyAndAnOversizedBodyIsAnErrorAskedOnce() throws Exception {
        Path suite = SuiteFixtures.suite(tmp.resolve("s"), "s", 2, "sw");
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    return new MockResponse().setBody("{\"choices\":[{\"message\":{\"content\":\"A" + " ".repeat(3000)
                            + "\"}}]}");
                }
            });
            server.start();

            EngineExecutionResults results = engine(server.url("/v1").toString(), suite)
                    .configurationParameter("clp.http.max-response-bytes", "2048").execute();

            assertThat(server.getRequestCount()).as("two English questions, each asked once").isEqualTo(2);
            assertThat(everything(results)).contains("[lang=sw] error on the en side: POST " + server.url("/v1/")
                    + "chat/completions -> HTTP 200: the response body is larger than clp.http.max-response-bytes "
                    + "(2048 bytes;");
        }
    }

    @Test
    void aBodyLimitBelowOneKilobyteIsRejectedNamingTheKey() {
        Path suite = SuiteFixtures.suite(tmp.resolve("s"), "s", 1, "sw");

        EngineExecutionResults results = engine("http://127.0.0.1:9/v1", suite)
                .configurationParameter("clp.http.max-response-bytes", "100").execute();

        assertThat(results.allEvents().list().stream().flatMap(e -> e.getPayload(
                org.junit.platform.engine.TestExecutionResult.class).stream()).flatMap(r -> r.getThrowable().stream())
                .map(Throwable::getMessage)).anySatisfy(m -> assertThat(m).contains("clp.http.max-response-bytes"));
    }
}
