package dev.clp.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clp.sim.AnswerKey;
import dev.clp.sim.SimProfile;
import dev.clp.sim.SimulatedModel;
import dev.clp.sim.SimulatorServer;
import dev.clp.suite.SuiteReader;
import dev.clp.testing.EngineRun;
import dev.clp.testing.SuiteFixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine over HTTP against the simulator server, faults included, agrees with the in-process simulator. */
class SimulatorServerTest {

    @TempDir
    Path tmp;

    private Map<String, String> run(Path suite, Path results, Map<String, String> params) throws IOException {
        EngineRun.in(tmp).engine(new ClpTestEngine(Map.of()))
                .configurationParameter("clp.results.dir", results.toString())
                .configurationParameter("clp.cache", "off")
                .configurationParameter("clp.retry.base-delay-ms", "1")
                .configurationParameter("clp.retry.max-delay-ms", "5")
                .configurationParameters(params)
                .selectors(selectDirectory(suite.toFile()))
                .execute();
        JsonNode run = new ObjectMapper().readTree(results.resolve("run.json").toFile());
        Map<String, String> byId = new HashMap<>();
        run.get("pairs").forEach(p -> byId.put(p.get("id").asText(), p.get("outcome").asText() + " "
                + p.path("target").path("chosen").asText() + " " + p.path("en").path("chosen").asText()));
        return byId;
    }

    @Test
    void overHttpWithFaultsTheOutcomesAreThoseOfTheInProcessSimulator() throws IOException {
        Path suite = SuiteFixtures.suite(tmp.resolve("s"), "s", 60, "sw", "yo");
        Map<String, String> inProcess = run(suite, tmp.resolve("a"), Map.of("clp.model", "sim:llama-3.1-8b"));

        AnswerKey key = new AnswerKey();
        for (String lang : new String[] {"sw", "yo"}) {
            SuiteReader.read(suite.resolve("pairs-" + lang + ".jsonl")).pairs().forEach(key::register);
        }
        try (SimulatorServer server = SimulatorServer.start(new SimulatedModel(SimProfile.named("llama-3.1-8b"), key), 0,
                new SimulatorServer.Faults(2, 0.1, 0.1, 0.02, 5))) {
            Map<String, String> overHttp = run(suite, tmp.resolve("b"), Map.of("clp.model", "openai:llama-3.1-8b",
                    "clp.endpoint", server.baseUrl(), "clp.retry.max-attempts", "12"));
            assertThat(overHttp).hasSize(120).isEqualTo(inProcess);
            assertThat(new ObjectMapper().readTree(tmp.resolve("b/run.json").toFile()).get("simulated").asBoolean())
                    .as("answers from the simulator server are labelled simulated").isTrue();
            assertThat(server.faultsInjected()).isPositive();
            assertThat(server.requests()).isGreaterThan(60 + 120);
        }
    }
}
