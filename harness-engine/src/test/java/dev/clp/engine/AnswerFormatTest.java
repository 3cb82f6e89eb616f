package dev.clp.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clp.sim.AnswerKey;
import dev.clp.sim.SimProfile;
import dev.clp.sim.SimulatedModel;
import dev.clp.sim.SimulatorServer;
import dev.clp.testing.EngineRun;
import dev.clp.testing.SuiteFixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clp.answer-format=json} end to end over HTTP, and the fallback extractor ({@code clp.extractor.fallback})
 * reading only what the layered extractor left, counted apart from the model under test.
 */
class AnswerFormatTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private JsonNode run(Path suite, String name, Map<String, String> params) throws IOException {
        var kit = EngineRun.in(tmp).engine(new ClpTestEngine(Map.of()))
                .configurationParameter("clp.results.dir", tmp.resolve(name).toString())
                .configurationParameter("clp.cache", "off")
                .configurationParameter("clp.concurrency", "8")
                .configurationParameter("clp.retry.base-delay-ms", "1");
        params.forEach(kit::configurationParameter);
        kit.selectors(selectDirectory(suite.toFile())).execute();
        return JSON.readTree(tmp.resolve(name).resolve("run.json").toFile());
    }

    private static Map<String, String> outcomes(JsonNode run) {
        Map<String, String> m = new TreeMap<>();
        run.get("pairs").forEach(p -> m.put(p.get("id").asText(), p.get("outcome").asText()));
        return m;
    }

    @Test
    void structuredAnswersAreReadByTheStructuredLayerAndGiveTheSameOutcomesAsText() throws Exception {
        Path suite = SuiteFixtures.suite(tmp.resolve("s"), "s", 40, "sw", "zh", "ar");
        try (SimulatorServer sim = SimulatorServer.start(new SimulatedModel(SimProfile.named("llama-3.1-8b"),
                new AnswerKey()), 0, SimulatorServer.Faults.NONE)) {
            Map<String, String> common = Map.of("clp.model", "openai:llama-3.1-8b", "clp.endpoint", sim.baseUrl());
            JsonNode text = run(suite, "text", common);
            Map<String, String> json = new java.util.HashMap<>(common);
            json.put("clp.answer-format", "json");
            JsonNode structured = run(suite, "json", json);

            assertThat(structured.at("/settings/answerFormat").asText()).isEqualTo("json");
            List<String> methods = new ArrayList<>();
            structured.get("pairs").forEach(p -> {
                for (String side : List.of("en", "target")) {
                    p.path(side).path("extraction").forEach(m -> methods.add(m.asText()));
                }
            });
            assertThat(methods).hasSizeGreaterThan(200)
                    .allSatisfy(m -> assertThat(m).matches("structured|unparseable: the model declined to answer \\(refusal\\)"));
            assertThat(methods).contains("structured");
            // the simulator decides right or wrong before it chooses a format: the verdicts must not move
            assertThat(outcomes(structured)).isEqualTo(outcomes(text));
            List<String> textMethods = new ArrayList<>();
            text.get("pairs").forEach(p -> p.path("target").path("extraction").forEach(m -> textMethods.add(m.asText())));
            assertThat(textMethods).doesNotContain("structured");
        }
    }

    @Test
    void theFallbackReadsOnlyWhatIsLeftAndIsCountedApart() throws Exception {
        Path suite = SuiteFixtures.suite(tmp.resolve("s"), "s", 60, "sw", "hi");
        List<String> fallbackPrompts = new ArrayList<>();
        try (MockWebServer fallback = new MockWebServer()) {
            fallback.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    String body = request.getBody().readUtf8();
                    synchronized (fallbackPrompts) {
                        fallbackPrompts.add(body);
                    }
                    // a reader that picks B for every hedged answer: what matters is what it was asked and how it counts
                    return new MockResponse().setHeader("Content-Type", "application/json").setBody(
                            "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"B\"},\"finish_reason\":\"stop\"}],"
                                    + "\"usage\":{\"prompt_tokens\":90,\"completion_tokens\":1}}");
                }
            });
            fallback.start();
            JsonNode run = run(suite, "fb", Map.of("clp.model", "sim:llama-3.1-8b",
                    "clp.extractor.fallback", "openai:reader", "clp.extractor.fallback.endpoint", fallback.url("/v1").toString()));

            JsonNode fb = run.at("/usage/fallbackExtractor");
            assertThat(fb.get("model").asText()).isEqualTo("openai:reader");
            int unparseableBySim = fallbackPrompts.size();
            assertThat(unparseableBySim).as("the simulator leaves ~3 %% of 180 answers unreadable").isBetween(1, 30);
            assertThat(fb.get("asked").asInt()).isEqualTo(unparseableBySim);
            assertThat(fb.get("resolved").asInt()).isEqualTo(unparseableBySim);
            assertThat(fb.get("modelCalls").asInt()).isEqualTo(unparseableBySim);
            assertThat(fb.get("promptTokens").asInt()).isEqualTo(90 * unparseableBySim);
            assertThat(fallbackPrompts).allSatisfy(p -> assertThat(p).contains("several of these could be argued for")
                    .contains("Reply NONE if the answer declines"));
            List<String> methods = new ArrayList<>();
            run.get("pairs").forEach(p -> {
                for (String side : List.of("en", "target")) {
                    p.path(side).path("extraction").forEach(m -> methods.add(m.asText()));
                }
            });
            // an English answer is asked once and shared by both languages, so it can appear twice
            assertThat(methods).filteredOn("fallback"::equals).hasSizeGreaterThanOrEqualTo(unparseableBySim);
            assertThat(methods).noneMatch(m -> m.startsWith("unparseable"));
        }
    }
}
