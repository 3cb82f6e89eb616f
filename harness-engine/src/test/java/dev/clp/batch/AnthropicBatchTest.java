package dev.clp.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clp.config.ClpConfig;
import dev.clp.engine.ClpTestEngine;
import dev.clp.model.spi.BatchException;
import dev.clp.sim.AnswerKey;
import dev.clp.sim.SimProfile;
import dev.clp.sim.SimulatedModel;
import dev.clp.suite.Suite;
import dev.clp.suite.SuiteReader;
import dev.clp.testing.AnthropicBatchStandIn;
import dev.clp.testing.SuiteFixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Batch mode against a stand-in of Anthropic's Message Batches whose answers come from the simulator: a replayed run
 * grades as the synchronous Messages run with no Messages call; errored, expired and canceled results are resubmitted.
 */
class AnthropicBatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> ENV = Map.of("ANTHROPIC_API_KEY", "sk-ant-test");

    @TempDir
    Path tmp;

    AnthropicBatchStandIn standIn;
    Path suite;
    final List<String> log = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        suite = SuiteFixtures.starterSuite();
        AnswerKey key = new AnswerKey();
        Suite.open(suite).languageFiles().values().forEach(f -> SuiteReader.read(f).pairs().forEach(key::register));
        standIn = new AnthropicBatchStandIn(new SimulatedModel(SimProfile.named("llama-3.1-8b"), key), "sk-ant-test");
    }

    @AfterEach
    void stop() throws IOException {
        if (standIn != null) {
            standIn.close();
        }
    }

    Map<String, String> props(String cache) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("clp.model", "anthropic:claude-stand-in");
        p.put("clp.endpoint", standIn.baseUrl());
        p.put("clp.cache.path", tmp.resolve(cache).toString());
        return p;
    }

    Batches batches(Map<String, String> props) {
        return Batches.forRun(tmp.resolve("state.json"), List.of(suite), props, ENV, log::add);
    }

    Batches later() {
        return Batches.forState(tmp.resolve("state.json"), ENV, log::add);
    }

    Map<String, String> run(Map<String, String> props, Path results) throws IOException {
        EngineTestKit.engine(new ClpTestEngine(ENV))
                .configurationParameter("clp.results.dir", results.toString())
                .configurationParameters(props)
                .selectors(selectDirectory(suite.toFile()))
                .execute();
        JsonNode run = JSON.readTree(results.resolve("run.json").toFile());
        Map<String, String> out = new TreeMap<>();
        run.get("pairs").forEach(p -> out.put(p.get("id").asText(), p.get("outcome").asText() + " "
                + p.path("target").path("chosen").asText() + " " + p.path("en").path("chosen").asText()));
        JsonNode gates = JSON.readTree(results.resolve("gates.json").toFile());
        out.put("~gates", gates.path("gates").toString());
        return out;
    }

    @Test
    void aRunReplayingMessageBatchAnswersMakesNoMessagesCallAndGradesAsTheSynchronousRun() throws IOException {
        sameAsSynchronous(Map.of());
    }

    @Test
    void soWithSamplesAndStructuredAnswersAsAForcedToolCall() throws IOException {
        sameAsSynchronous(Map.of("clp.samples", "2", "clp.temperature", "0.5", "clp.answer-format", "json"));
    }

    void sameAsSynchronous(Map<String, String> settings) throws IOException {
        Map<String, String> sync = new LinkedHashMap<>(props("sync.db"));
        sync.putAll(settings);
        sync.put("clp.cache", "off");
        Map<String, String> synchronous = run(sync, tmp.resolve("sync"));
        int calls = standIn.messageCalls.getAndSet(0);
        assertThat(calls).isPositive();

        Map<String, String> batch = new LinkedHashMap<>(props("b.db"));
        batch.putAll(settings);
        Batches.Submitted s = batches(batch).submit();
        assertThat(s.submitted()).isEqualTo(calls);
        Batches.Collected c = later().collect(true, Duration.ofMillis(10), false);
        assertThat(c.answers()).isEqualTo(calls);
        assertThat(c.failed()).isEmpty();

        Map<String, String> replay = new LinkedHashMap<>(batch);
        replay.put("clp.cache", "replay");
        assertThat(run(replay, tmp.resolve("b"))).isEqualTo(synchronous);
        assertThat(synchronous).hasSizeGreaterThan(100);
        assertThat(synchronous.get("~gates")).contains("\"verdict\"");
        assertThat(standIn.messageCalls).as("Messages calls in batch mode").hasValue(0);
        assertThat(standIn.violations).isEmpty();
    }

    @Test
    void erroredAndExpiredResultsAreNamedAndResubmittedByTheNextSubmit() {
        List<String> keys = new ArrayList<>(BatchWork.collect(ClpConfig.from(k -> Optional.ofNullable(props("b.db")
                .get(k)), ENV), List.of(suite)).requests().keySet());
        standIn.erroredIds = Set.of(keys.get(0));
        standIn.expiredIds = Set.of(keys.get(1), keys.get(2));
        batches(props("b.db")).submit();
        Batches.Collected c = later().collect(true, Duration.ofMillis(10), false);
        assertThat(c.failed()).containsOnlyKeys(keys.get(0), keys.get(1), keys.get(2));
        assertThat(c.failed().get(keys.get(0))).contains("msgbatch_").contains("errored: invalid_request_error")
                .contains("max_tokens");
        assertThat(c.failed().get(keys.get(1))).endsWith("expired");

        standIn.erroredIds = Set.of();
        standIn.expiredIds = Set.of();
        assertThat(batches(props("b.db")).submit().submitted()).isEqualTo(3);
        assertThat(later().collect(true, Duration.ofMillis(10), false).failed()).isEmpty();
        assertThat(standIn.batchedRequests).as("nothing paid twice").hasValue(keys.size());
    }

    @Test
    void aCanceledBatchLeavesEveryRequestToSubmitAgain() {
        standIn.holdBatches = true;
        Batches.Submitted s = batches(props("b.db")).submit();
        assertThat(later().cancel()).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo("ended"));
        Batches.Collected c = later().collect(false, Duration.ofMillis(10), false);
        assertThat(c.failed()).hasSize(s.submitted());
        assertThat(c.failed().values()).allMatch(w -> w.endsWith("canceled"));
    }

    @Test
    void resultsOnAnotherHostAreNotFetchedWithTheKeyAndTheBatchStaysToCollect() {
        standIn.foreignResultsUrl = true;
        Batches.Submitted s = batches(props("b.db")).submit();
        assertThatThrownBy(() -> later().collect(true, Duration.ofMillis(10), false))
                .isInstanceOf(BatchException.class)
                .hasMessageContaining(s.batches().get(0))
                .hasMessageContaining("results.example.invalid")
                .hasMessageContaining("not fetched");
        assertThat(BatchState.read(tmp.resolve("state.json")).batches())
                .singleElement().satisfies(b -> assertThat(b.collected()).isFalse());
    }

    @Test
    void aRefusedKeyNamesTheEndpointAndTheVariableNeverTheKey() {
        Map<String, String> env = Map.of("ANTHROPIC_API_KEY", "sk-ant-wrong-secret");
        assertThatThrownBy(() -> Batches.forRun(tmp.resolve("state.json"), List.of(suite), props("b.db"), env, log::add)
                .submit())
                .isInstanceOf(BatchException.class)
                .hasMessageContaining("POST " + standIn.baseUrl() + "/v1/messages/batches -> HTTP 401: invalid x-api-key "
                        + "(authentication_error)")
                .hasMessageContaining("ANTHROPIC_API_KEY")
                .hasMessageNotContaining("sk-ant-wrong-secret");
    }
}
