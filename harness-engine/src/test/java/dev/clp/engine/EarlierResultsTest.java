package dev.clp.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import dev.clp.testing.EngineRun;
import dev.clp.testing.SuiteFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** A run's results directory never holds another run's run.json while (or after) this run cannot write its own. */
class EarlierResultsTest {

    @TempDir
    Path tmp;

    @Test
    void anEarlierRunsResultsAreGoneBeforeTheFirstCall() throws Exception {
        EngineRun files = EngineRun.in(tmp);
        Files.createDirectories(files.resultsDir());
        Files.writeString(files.resultsDir().resolve("run.json"), "{\"format\":\"clp-run/v1\",\"model\":\"yesterday\"}");
        Files.writeString(files.resultsDir().resolve("gates.json"), "{\"format\":\"clp-gates/v1\"}");

        CountDownLatch firstCall = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                    firstCall.countDown();
                    answer.await(60, TimeUnit.SECONDS);
                    return new MockResponse().setHeader("Content-Type", "application/json")
                            .setBody("{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"Answer: A\"},"
                                    + "\"finish_reason\":\"stop\"}]}");
                }
            });
            server.start();
            Path suite = SuiteFixtures.suite(tmp.resolve("s"), "s", 2, "sw");
            CompletableFuture<EngineExecutionResults> run = CompletableFuture.supplyAsync(() -> files
                    .engine(Map.of())
                    .configurationParameter("clp.model", "openai:test-model")
                    .configurationParameter("clp.endpoint", server.url("/v1").toString())
                    .configurationParameter("clp.cache", "off")
                    .configurationParameter("clp.gate.allow-underpowered", "true")
                    .selectors(selectDirectory(suite.toFile()))
                    .execute());
            assertThat(firstCall.await(60, TimeUnit.SECONDS)).as("the run reached the model").isTrue();
            // the run has started and asked its first question: an interrupt now must not leave yesterday's verdicts
            assertThat(files.resultsDir().resolve("run.json")).doesNotExist();
            assertThat(files.resultsDir().resolve("gates.json")).doesNotExist();
            answer.countDown();
            run.get(60, TimeUnit.SECONDS);
        }
        assertThat(Files.readString(files.resultsDir().resolve("run.json"))).contains("openai:test-model")
                .doesNotContain("yesterday");
    }

    @Test
    void aRunThatCannotStartLeavesNoEarlierResultsEither() throws IOException {
        EngineRun files = EngineRun.in(tmp);
        Files.createDirectories(files.resultsDir());
        Files.writeString(files.resultsDir().resolve("run.json"), "{\"format\":\"clp-run/v1\",\"model\":\"yesterday\"}");
        Path suite = SuiteFixtures.suite(tmp.resolve("s"), "s", 2, "sw");
        // nothing listens on port 9: every call fails, the run ends with errors and writes its own record
        files.engine(Map.of())
                .configurationParameter("clp.model", "openai:test-model")
                .configurationParameter("clp.endpoint", "http://127.0.0.1:9/v1")
                .configurationParameter("clp.cache", "off")
                .configurationParameter("clp.retry.base-delay-ms", "1")
                .selectors(selectDirectory(suite.toFile()))
                .execute();
        assertThat(Files.readString(files.resultsDir().resolve("run.json"))).doesNotContain("yesterday");
    }
}
