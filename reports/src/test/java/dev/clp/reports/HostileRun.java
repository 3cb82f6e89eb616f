package dev.clp.reports;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clp.engine.ClpTestEngine;
import dev.clp.testing.SuiteFixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.platform.testkit.engine.EngineTestKit;

/** A run whose Arabic answers are hostile markup and a very long line, and whose Swahili answers are wrong. */
final class HostileRun {

    /** Sets the page title if it ever executes. */
    static final String HOSTILE = "<script>document.title='PWNED'</script><img src=x onerror=\"document.title='PWNED'\"> "
            + "C".repeat(5000);

    private static final ObjectMapper JSON = new ObjectMapper();

    private HostileRun() {
    }

    /** Runs the engine over HTTP; returns the results directory ({@code run.json}); Allure results beside it. */
    static Path run(Path dir) throws IOException {
        Path suite = SuiteFixtures.suite(dir.resolve("suite"), "hostile", 12, "sw", "ar", "he", "am");
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    String body = request.getBody().readUtf8();
                    // English right ("A" for answer-0 pairs), Arabic hostile, Swahili wrong, the others right
                    String answer = body.contains("[ar]") ? HOSTILE : body.contains("[sw]") ? "B" : "A";
                    return new MockResponse().setHeader("Content-Type", "application/json").setBody(JSON.createObjectNode()
                            .set("choices", JSON.createArrayNode().add(JSON.createObjectNode().set("message",
                                    JSON.createObjectNode().put("role", "assistant").put("content", answer))))
                            .toString());
                }
            });
            server.start();
            EngineTestKit.engine(new ClpTestEngine(Map.of()))
                    .configurationParameter("clp.model", "openai:<b>hostile</b>")
                    .configurationParameter("clp.endpoint", server.url("/v1").toString())
                    .configurationParameter("clp.cache", "off")
                    .configurationParameter("clp.results.dir", dir.resolve("clp").toString())
                    .configurationParameter("clp.allure.results-dir", dir.resolve("allure-results").toString())
                    .selectors(selectDirectory(suite.toFile()))
                    .execute();
        }
        return dir.resolve("clp");
    }
}
