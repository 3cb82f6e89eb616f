package dev.clp.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clp.testing.EngineRun;
import dev.clp.testing.SuiteFixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The summary of a run whose gap gates have no data: a run that decided no gate prints no family alpha (an all-NO_DATA
 * run said "Holm over the run's 16 gates at family alpha 0.16", the bounds' alpha times every gate), and does not pass.
 */
class NoDataSummaryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** A server that answers "A" for the languages in {@code answered} and refuses the model for every other. */
    private EngineExecutionResults run(MockWebServer server, Set<String> answered, String... langs) throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String body = request.getBody().readUtf8();
                boolean answers = answered.stream().anyMatch(l -> body.contains("[" + l + "]"))
                        || answered.contains("en") && !List.of(langs).stream().anyMatch(l -> body.contains("[" + l + "]"));
                if (!answers) {
                    return new MockResponse().setResponseCode(404).setHeader("Content-Type", "application/json")
                            .setBody("{\"error\":{\"message\":\"The model 'm' does not exist\"}}");
                }
                return new MockResponse().setHeader("Content-Type", "application/json").setBody(JSON.createObjectNode()
                        .set("choices", JSON.createArrayNode().add(JSON.createObjectNode().set("message",
                                JSON.createObjectNode().put("role", "assistant").put("content", "A")))).toString());
            }
        });
        server.start();
        Path suite = SuiteFixtures.suite(tmp.resolve("s"), "s", 8, langs);
        EngineTestKit.Builder kit = EngineRun.in(tmp).engine(new ClpTestEngine(Map.of("T_KEY", "sk-test")))
                .configurationParameter("clp.model", "openai:m")
                .configurationParameter("clp.endpoint", server.url("/v1").toString())
                .configurationParameter("clp.api-key-env", "T_KEY")
                .configurationParameter("clp.cache", "off")
                .configurationParameter("clp.allure", "off")
                .configurationParameter("clp.gate.allow-underpowered", "true")
                .configurationParameter("clp.results.dir", tmp.resolve("results").toString())
                .selectors(selectDirectory(suite.toFile()));
        return kit.execute();
    }

    private static String summary(EngineExecutionResults results) {
        return results.allEvents().reportingEntryPublished().stream()
                .map(e -> e.getPayload(org.junit.platform.engine.reporting.ReportEntry.class).orElseThrow())
                .map(r -> r.getKeyValuePairs().get(ClpEngineDescriptor.SUMMARY_KEY)).filter(v -> v != null)
                .findFirst().orElseThrow(() -> new AssertionError("no clp.summary entry"));
    }

    @Test
    void aRunThatDecidedNoGatePrintsNoFamilyAlphaAndFails() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            EngineExecutionResults results = run(server, Set.of(), "sw", "yo", "zu");
            String summary = summary(results);
            assertThat(summary).as(summary).doesNotContain("family alpha")
                    .contains("no gap or regression gate was decided: no language had a graded pair (NO_DATA)");
            assertThat(results.testEvents().failed().list()).as("every gap gate without data fails")
                    .filteredOn(e -> e.getTestDescriptor().getUniqueId().toString().endsWith("[gate:gap]")).hasSize(3);
            JsonNode gates = JSON.readTree(tmp.resolve("results/gates.json").toFile());
            assertThat(gates.get("gates")).filteredOn(g -> "gap".equals(g.get("kind").asText()))
                    .allSatisfy(g -> assertThat(g.get("fails").asBoolean()).isTrue());
        }
    }

    @Test
    void theFamilyIsTheGatesThatHadDataAndItsAlphaTheConfiguredOne() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            // English and Swahili answered, Yoruba and Zulu refused: one gap gate in Holm's family, at alpha 0.01
            EngineExecutionResults results = run(server, Set.of("en", "sw"), "sw", "yo", "zu");
            String summary = summary(results);
            assertThat(summary).as(summary).contains("zones use Holm over the run's 1 gates at family alpha 0.01;");
        }
    }
}
