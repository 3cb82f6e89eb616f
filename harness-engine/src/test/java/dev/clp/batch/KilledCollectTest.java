package dev.clp.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
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
import dev.clp.testing.ChildJvm;
import dev.clp.testing.OpenAiBatchStandIn;
import dev.clp.testing.SuiteFixtures;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;

/** A collect killed with SIGKILL while it reads a batch's results leaves a state file the next collect resumes from. */
class KilledCollectTest {

    /** {@code clp batch collect --wait} in a JVM of its own: prints each step, flushed. */
    public static final class Collect {
        public static void main(String[] args) {
            Batches.forState(Path.of(args[0]), System.getenv(), line -> {
                System.out.println(line);
                System.out.flush();
            }).collect(true, Duration.ofMillis(20), false);
            System.out.println("done");
        }
    }

    @TempDir
    Path tmp;

    @Test
    void aCollectKilledWhileReadingResultsIsResumedAndTheRunReplaysEveryAnswer() throws Exception {
        assumeTrue(ChildJvm.available(), "run through Maven: the build writes the runtime classpath");
        Path suite = SuiteFixtures.starterSuite();
        AnswerKey key = new AnswerKey();
        Suite.open(suite).languageFiles().values().forEach(f -> SuiteReader.read(f).pairs().forEach(key::register));
        try (SimulatorServer sim = SimulatorServer.start(new SimulatedModel(SimProfile.named("llama-3.1-8b"), key), 0,
                SimulatorServer.Faults.NONE);
                OpenAiBatchStandIn standIn = new OpenAiBatchStandIn(sim.baseUrl(), false)) {
            Map<String, String> props = Map.of("clp.model", "openai:llama-3.1-8b", "clp.endpoint", standIn.baseUrl(),
                    "clp.cache.path", tmp.resolve("c.db").toString());
            Path state = tmp.resolve("state.json");
            Batches.Submitted s = Batches.forRun(state, List.of(suite), props, Map.of(), l -> { }).submit();
            standIn.slowDownloads = true;

            Process child = ChildJvm.of(Collect.class, List.of(), state.toString()).redirectErrorStream(true).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null && !line.contains("reading its results")) {
                    // the JVM's start-up output, if any
                }
                assertThat(line).as("the child started reading the results").contains(s.batches().get(0));
                Thread.sleep(700);
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);
            BatchState afterKill = BatchState.read(state);
            assertThat(afterKill.batches()).singleElement().satisfies(b -> assertThat(b.collected()).isFalse());

            standIn.slowDownloads = false;
            Batches.Collected resumed = Batches.forState(state, Map.of(), l -> { }).collect(true, Duration.ofMillis(10),
                    false);
            assertThat(resumed.answers()).isEqualTo(s.submitted());
            assertThat(resumed.failed()).isEmpty();
            assertThat(BatchState.read(state).batchAnswers()).as("counted once").isEqualTo(s.submitted());
            assertThat(Batches.forRun(state, List.of(suite), props, Map.of(), l -> { }).submit().submitted())
                    .as("nothing submitted again").isZero();

            Map<String, String> replay = new java.util.HashMap<>(props);
            replay.put("clp.cache", "replay");
            EngineTestKit.engine(new ClpTestEngine(Map.of())).configurationParameter("clp.results.dir",
                    tmp.resolve("r").toString()).configurationParameters(replay).selectors(selectDirectory(suite.toFile()))
                    .execute();
            JsonNode run = new ObjectMapper().readTree(tmp.resolve("r/run.json").toFile());
            assertThat(run.get("pairs")).isNotEmpty().allSatisfy(p -> assertThat(p.get("outcome").asText())
                    .isNotEqualTo("error"));
            assertThat(standIn.chatCalls).hasValue(0);
            assertThat(standIn.batchedRequests).as("one batch, answered once").hasValue(s.submitted());
        }
    }
}
