package dev.clp.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clp.engine.ClpTestEngine;
import dev.clp.sim.AnswerKey;
import dev.clp.sim.SimProfile;
import dev.clp.sim.SimulatedModel;
import dev.clp.sim.SimulatorServer;
import dev.clp.suite.Suite;
import dev.clp.suite.SuiteReader;
import dev.clp.testing.OpenAiBatchStandIn;
import dev.clp.testing.SuiteFixtures;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Azure OpenAI's batch deployments: {@code /openai/files} and {@code /openai/batches} with api-version and api-key. */
class AzureBatchTest {

    @TempDir
    Path tmp;

    @Test
    void aDeploymentsBatchIsSubmittedWithTheApiVersionAndKeyAndTheRunReplaysIt() throws Exception {
        Path suite = SuiteFixtures.starterSuite();
        AnswerKey key = new AnswerKey();
        Suite.open(suite).languageFiles().values().forEach(f -> SuiteReader.read(f).pairs().forEach(key::register));
        Map<String, String> env = Map.of("AZURE_OPENAI_API_KEY", "az-secret");
        try (SimulatorServer sim = SimulatorServer.start(new SimulatedModel(SimProfile.named("llama-3.1-8b"), key), 0,
                SimulatorServer.Faults.NONE);
                OpenAiBatchStandIn standIn = new OpenAiBatchStandIn(sim.baseUrl(), true)) {
            standIn.requireKey = "az-secret";
            Map<String, String> props = Map.of("clp.model", "azure:gpt-4o-mini-batch", "clp.endpoint", standIn.baseUrl(),
                    "clp.azure.api-version", "2024-10-21", "clp.cache.path", tmp.resolve("c.db").toString());
            Batches.Submitted s = Batches.forRun(tmp.resolve("s.json"), List.of(suite), props, env, l -> { }).submit();
            Batches.Collected c = Batches.forState(tmp.resolve("s.json"), env, l -> { })
                    .collect(true, Duration.ofMillis(10), false);
            assertThat(c.answers()).isEqualTo(s.submitted()).isPositive();
            assertThat(c.failed()).isEmpty();
            assertThat(standIn.paths).contains("POST /openai/files", "POST /openai/batches");
            assertThat(standIn.violations).isEmpty();

            Map<String, String> replay = new java.util.HashMap<>(props);
            replay.put("clp.cache", "replay");
            EngineTestKit.engine(new ClpTestEngine(env)).configurationParameter("clp.results.dir",
                    tmp.resolve("r").toString()).configurationParameters(replay).selectors(selectDirectory(suite.toFile()))
                    .execute();
            JsonNode run = new ObjectMapper().readTree(tmp.resolve("r/run.json").toFile());
            assertThat(run.get("pairs")).isNotEmpty().allSatisfy(p -> assertThat(p.get("outcome").asText())
                    .isNotEqualTo("error"));
            assertThat(standIn.chatCalls).hasValue(0);
        }
    }
}
