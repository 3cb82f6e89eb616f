package dev.clp.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import dev.clp.testing.EngineRun;
import dev.clp.testing.SuiteFixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

/** An API key never appears in test results, report entries, run.json, gates.json, baselines or the cache. */
class SecretsTest {

    private static final String KEY = "sk-proj-SECRET0123456789abcdefSECRET";

    @TempDir
    Path tmp;

    @Test
    void theKeyAppearsNowhereEvenWhenTheServerEchoesIt() throws IOException, InterruptedException {
        Path suite = SuiteFixtures.suite(tmp.resolve("s"), "s", 6, "sw");
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        PrintStream original = System.err;
        try (MockWebServer server = new MockWebServer()) {
            // a 401 that quotes the key, as OpenAI's does, then answers that quote it in content and headers
            server.enqueue(new MockResponse().setResponseCode(401).setBody("{\"error\":{\"message\":\"Incorrect API key "
                    + "provided: " + KEY + ".\",\"code\":\"invalid_api_key\"}}"));
            for (int i = 0; i < 20; i++) {
                server.enqueue(new MockResponse().setHeader("x-echo", KEY).setResponseCode(i % 3 == 0 ? 500 : 200)
                        .setBody("{\"choices\":[{\"message\":{\"content\":\"A\"}}]}"));
            }
            server.start();
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            EngineExecutionResults results = EngineRun.in(tmp).engine(new ClpTestEngine(Map.of("TEST_KEY", KEY)))
                    .configurationParameter("clp.results.dir", tmp.resolve("results").toString())
                    .configurationParameter("clp.model", "openai:m")
                    .configurationParameter("clp.endpoint", server.url("/v1").toString())
                    .configurationParameter("clp.api-key-env", "TEST_KEY")
                    .configurationParameter("clp.retry.base-delay-ms", "1")
                    .configurationParameter("clp.cache.path", tmp.resolve("cache.sqlite").toString())
                    .configurationParameter("clp.baseline", tmp.resolve("baseline.json").toString())
                    .configurationParameter("clp.baseline.update", "true")
                    .selectors(selectDirectory(suite.toFile()))
                    .execute();
            assertThat(server.takeRequest().getHeader("Authorization")).as("the key is sent").isEqualTo("Bearer " + KEY);

            StringBuilder everything = new StringBuilder(stderr.toString(StandardCharsets.UTF_8));
            for (Event e : results.allEvents().list()) {
                everything.append(e).append('\n');
                e.getPayload(org.junit.platform.engine.TestExecutionResult.class).flatMap(r -> r.getThrowable())
                        .ifPresent(t -> everything.append(t).append(java.util.Arrays.toString(t.getStackTrace())));
            }
            List<Path> files;
            try (Stream<Path> walk = Files.walk(tmp)) {
                files = walk.filter(Files::isRegularFile).toList();
            }
            assertThat(files).extracting(p -> p.getFileName().toString())
                    .contains("run.json", "gates.json", "baseline.json", "cache.sqlite");
            for (Path f : files) {
                everything.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
            }
            assertThat(everything.toString()).contains("Incorrect API key provided: ***").doesNotContain(KEY);
        } finally {
            System.setErr(original);
        }
    }
}
