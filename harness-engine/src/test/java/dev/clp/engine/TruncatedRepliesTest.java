package dev.clp.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clp.testing.EngineRun;
import dev.clp.testing.SuiteFixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

/**
 * A stand-in provider that cuts every target-language reply off at the token limit ({@code finish_reason: length})
 * just after it named the right option: those pairs are reported truncated, with the hint to raise
 * {@code clp.max-tokens}, and none is graded.
 */
class TruncatedRepliesTest {

    @TempDir
    Path tmp;

    private final MockWebServer server = new MockWebServer();
    private static final Pattern TOPIC = Pattern.compile("topic(\\d+)");

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String body = request.getBody().readUtf8();
                Matcher m = TOPIC.matcher(body);
                char right = m.find() ? (char) ('A' + Integer.parseInt(m.group(1)) % 4) : 'A';
                boolean target = body.contains("[sw]");
                String content = target ? "Tuangalie machaguo. " + right + " inaonekana sahihi, lakini kwanza" : "Answer: " + right;
                return new MockResponse().setHeader("Content-Type", "application/json")
                        .setBody("{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"" + content + "\"},"
                                + "\"finish_reason\":\"" + (target ? "length" : "stop") + "\"}]}");
            }
        });
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    @Test
    void repliesCutOffAtTheTokenLimitAreReportedTruncatedAndNoneIsGraded() throws IOException {
        Path suite = SuiteFixtures.suite(tmp.resolve("s"), "s", 8, "sw");

        EngineExecutionResults results = EngineRun.in(tmp).engine(new ClpTestEngine(Map.of()))
                .configurationParameter("clp.results.dir", tmp.resolve("results").toString())
                .configurationParameter("clp.model", "openai:test-model")
                .configurationParameter("clp.endpoint", server.url("/v1").toString())
                .configurationParameter("clp.cache", "off")
                .selectors(selectDirectory(suite.toFile()))
                .execute();

        List<String> pairMessages = new ArrayList<>();
        for (Event e : results.testEvents().finished().list()) {
            if (e.getTestDescriptor().getUniqueId().toString().contains("pair")) {
                e.getPayload(org.junit.platform.engine.TestExecutionResult.class).flatMap(r -> r.getThrowable())
                        .ifPresent(t -> pairMessages.add(t.getMessage()));
            }
        }
        assertThat(pairMessages).hasSize(8).allSatisfy(m -> assertThat(m)
                .contains("unparseable sw answer (truncated").contains("finish reason length").contains("clp.max-tokens"));
        JsonNode run = new ObjectMapper().readTree(tmp.resolve("results/run.json").toFile());
        List<String> outcomes = new ArrayList<>();
        run.get("pairs").forEach(p -> outcomes.add(p.get("outcome").asText()));
        assertThat(outcomes).hasSize(8).containsOnly("unparseable");
        // the English side was read as usual: the cut-off target side alone kept the pairs from being graded
        run.get("pairs").forEach(p -> assertThat(p.get("en").get("extraction").get(0).asText()).isEqualTo("answer-word"));
    }
}
