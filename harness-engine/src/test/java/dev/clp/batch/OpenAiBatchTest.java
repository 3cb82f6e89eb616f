package dev.clp.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clp.engine.ClpTestEngine;
import dev.clp.model.spi.BatchException;
import dev.clp.sim.AnswerKey;
import dev.clp.sim.SimProfile;
import dev.clp.sim.SimulatedModel;
import dev.clp.sim.SimulatorServer;
import dev.clp.suite.Suite;
import dev.clp.suite.SuiteReader;
import dev.clp.testing.OpenAiBatchStandIn;
import dev.clp.testing.SuiteFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Batch mode against a stand-in of OpenAI's Files and Batches endpoints whose answers come from the simulator server:
 * every body sent and every object parsed conforms to the official OpenAPI schemas, and a run replaying the collected
 * answers makes no synchronous call and grades exactly as a synchronous run of the same suite.
 */
class OpenAiBatchTest {

    static final String MODEL = "openai:llama-3.1-8b";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    SimulatorServer sim;
    OpenAiBatchStandIn standIn;
    Path suite;
    final List<String> log = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        suite = SuiteFixtures.starterSuite();
        AnswerKey key = new AnswerKey();
        Suite.open(suite).languageFiles().values().forEach(f -> SuiteReader.read(f).pairs().forEach(key::register));
        sim = SimulatorServer.start(new SimulatedModel(SimProfile.named("llama-3.1-8b"), key), 0,
                SimulatorServer.Faults.NONE);
        standIn = new OpenAiBatchStandIn(sim.baseUrl(), false);
    }

    @AfterEach
    void stop() throws IOException {
        if (standIn != null) {
            standIn.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    Map<String, String> props(String cache) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("clp.model", MODEL);
        p.put("clp.endpoint", standIn.baseUrl());
        p.put("clp.cache.path", tmp.resolve(cache).toString());
        return p;
    }

    Batches batches(Map<String, String> props, Map<String, String> env) {
        return Batches.forRun(tmp.resolve("state.json"), List.of(suite), props, env, log::add);
    }

    /** The engine over the suite; returns each pair's outcome and chosen letters, and the gates' verdicts. */
    Map<String, String> run(Map<String, String> props, Path results) throws IOException {
        EngineTestKit.engine(new ClpTestEngine(Map.of()))
                .configurationParameter("clp.results.dir", results.toString())
                .configurationParameters(props)
                .selectors(selectDirectory(suite.toFile()))
                .execute();
        JsonNode run = JSON.readTree(results.resolve("run.json").toFile());
        Map<String, String> out = new TreeMap<>();
        run.get("pairs").forEach(p -> out.put(p.get("id").asText(), p.get("outcome").asText() + " "
                + p.path("target").path("chosen").asText() + " " + p.path("en").path("chosen").asText()));
        JsonNode gates = JSON.readTree(results.resolve("gates.json").toFile());
        out.put("~gates", gates.path("gates").toString().replaceAll("\"(started|finished|durationMillis)\":[^,}]*", ""));
        return out;
    }

    @Nested
    class RunsInBatchMode {

        @Test
        void aRunReplayingCollectedAnswersMakesNoSynchronousCallAndGradesAsTheSynchronousRun() throws IOException {
            sameAsSynchronous(Map.of());
        }

        @Test
        void soWithSamplesASeedAndStructuredAnswers() throws IOException {
            sameAsSynchronous(Map.of("clp.samples", "2", "clp.temperature", "0.7", "clp.seed", "42",
                    "clp.answer-format", "json"));
        }

        void sameAsSynchronous(Map<String, String> settings) throws IOException {
            Map<String, String> sync = new LinkedHashMap<>(props("sync.db"));
            sync.putAll(settings);
            sync.put("clp.cache", "off");
            Map<String, String> synchronous = run(sync, tmp.resolve("sync"));
            int syncCalls = standIn.chatCalls.getAndSet(0);
            assertThat(syncCalls).isPositive();

            Map<String, String> batch = new LinkedHashMap<>(props("batch.db"));
            batch.putAll(settings);
            Batches.Submitted submitted = batches(batch, Map.of()).submit();
            assertThat(submitted.submitted()).isEqualTo(submitted.requests()).isEqualTo(syncCalls);
            assertThat(submitted.batches()).hasSize(1);
            Batches.Collected collected = Batches.forState(tmp.resolve("state.json"), Map.of(), log::add)
                    .collect(true, Duration.ofMillis(10), false);
            assertThat(collected.answers()).isEqualTo(syncCalls);
            assertThat(collected.failed()).isEmpty();
            assertThat(collected.badLines()).isEmpty();

            Map<String, String> replay = new LinkedHashMap<>(batch);
            replay.put("clp.cache", "replay");
            Map<String, String> batched = run(replay, tmp.resolve("batch"));
            assertThat(synchronous.get("~gates")).as("gates.json has verdicts").contains("\"verdict\"");
            assertThat(synchronous).hasSizeGreaterThan(100);
            assertThat(batched).isEqualTo(synchronous);
            assertThat(standIn.chatCalls).as("synchronous chat calls in batch mode").hasValue(0);
            assertThat(standIn.batchedRequests).hasValue(syncCalls);
            assertThat(standIn.violations).as("requests and replies against the OpenAPI schemas").isEmpty();
            assertThat(standIn.paths).contains("POST /v1/files", "POST /v1/batches");
            assertThat(BatchState.read(tmp.resolve("state.json")).batchAnswers()).isEqualTo(syncCalls);
            // run.json tells the answers from batches apart from synchronous calls and other cache hits
            JsonNode usage = JSON.readTree(tmp.resolve("batch/run.json").toFile()).get("usage");
            assertThat(usage.get("modelCalls").asLong()).isZero();
            assertThat(usage.get("batchAnswers").asLong()).isEqualTo(usage.get("cacheHits").asLong())
                    .isEqualTo(syncCalls);
            assertThat(JSON.readTree(tmp.resolve("sync/run.json").toFile()).get("usage").get("batchAnswers").asLong())
                    .isZero();
        }

        @Test
        void aRequestAlreadyInTheCacheIsNeverSubmittedAgain() {
            batches(props("c.db"), Map.of()).submit();
            Batches.forState(tmp.resolve("state.json"), Map.of(), log::add).collect(true, Duration.ofMillis(10), false);
            int uploads = count("POST /v1/files");

            Batches.Submitted again = batches(props("c.db"), Map.of()).submit();
            assertThat(again.submitted()).isZero();
            assertThat(again.cached()).isEqualTo(again.requests()).isPositive();
            assertThat(again.batches()).isEmpty();
            assertThat(count("POST /v1/files")).isEqualTo(uploads);
        }

        @Test
        void aRequestInABatchNotYetCollectedIsNotSubmittedTwice() {
            standIn.holdBatches = true;
            Batches.Submitted first = batches(props("c.db"), Map.of()).submit();
            Batches.Submitted second = batches(props("c.db"), Map.of()).submit();
            assertThat(second.submitted()).isZero();
            assertThat(second.inFlight()).isEqualTo(first.submitted());
            assertThat(count("POST /v1/batches")).isEqualTo(1);
        }

        @Test
        void collectWithoutWaitingReportsARunningBatchAndALaterCollectFilesIt() {
            standIn.holdBatches = true;
            batches(props("c.db"), Map.of()).submit();
            Batches later = Batches.forState(tmp.resolve("state.json"), Map.of(), log::add);
            Batches.Collected early = later.collect(false, Duration.ofMillis(10), false);
            assertThat(early.pending()).isEqualTo(1);
            assertThat(early.answers()).isZero();
            standIn.finishAll();
            Batches.Collected done = Batches.forState(tmp.resolve("state.json"), Map.of(), log::add)
                    .collect(false, Duration.ofMillis(10), false);
            assertThat(done.pending()).isZero();
            assertThat(done.answers()).isPositive();
        }
    }

    @Nested
    class LosesNothing {

        @Test
        void requestsThatFailedInsideABatchAreResubmittedByTheNextSubmitAndThenReplay() throws IOException {
            List<String> keys = new ArrayList<>(BatchWork.collect(dev.clp.config.ClpConfig.from(
                    k -> java.util.Optional.ofNullable(props("c.db").get(k)), Map.of()), List.of(suite)).requests().keySet());
            standIn.failIds = Set.of(keys.get(0), keys.get(5), keys.get(9));
            batches(props("c.db"), Map.of()).submit();
            Batches.Collected first = Batches.forState(tmp.resolve("state.json"), Map.of(), log::add)
                    .collect(true, Duration.ofMillis(10), false);
            assertThat(first.failed()).containsOnlyKeys(keys.get(0), keys.get(5), keys.get(9));
            assertThat(first.failed().get(keys.get(0))).contains("batch_").contains("server_error");
            assertThat(first.answers()).isEqualTo(keys.size() - 3);

            standIn.failIds = Set.of();
            Batches.Submitted resubmitted = batches(props("c.db"), Map.of()).submit();
            assertThat(resubmitted.submitted()).isEqualTo(3);
            assertThat(resubmitted.cached()).isEqualTo(keys.size() - 3);
            Batches.Collected second = Batches.forState(tmp.resolve("state.json"), Map.of(), log::add)
                    .collect(true, Duration.ofMillis(10), false);
            assertThat(second.failed()).isEmpty();
            assertThat(second.answers()).isEqualTo(3);
            assertThat(standIn.batchedRequests).as("no request paid twice").hasValue(keys.size());

            Map<String, String> replay = new LinkedHashMap<>(props("c.db"));
            replay.put("clp.cache", "replay");
            Map<String, String> outcomes = run(replay, tmp.resolve("r"));
            assertThat(outcomes.values()).noneMatch(v -> v.startsWith("error"));
            assertThat(standIn.chatCalls).hasValue(0);
        }

        @Test
        void withSyncFallbackTheFailedRequestsAreSentSynchronouslyOnce() {
            List<String> keys = new ArrayList<>(BatchWork.collect(dev.clp.config.ClpConfig.from(
                    k -> java.util.Optional.ofNullable(props("c.db").get(k)), Map.of()), List.of(suite)).requests().keySet());
            standIn.failIds = Set.of(keys.get(1), keys.get(2));
            batches(props("c.db"), Map.of()).submit();
            Batches.Collected c = Batches.forState(tmp.resolve("state.json"), Map.of(), log::add)
                    .collect(true, Duration.ofMillis(10), true);
            assertThat(c.synchronous()).isEqualTo(2);
            assertThat(c.failed()).isEmpty();
            assertThat(standIn.chatCalls).hasValue(2);
            assertThat(batches(props("c.db"), Map.of()).submit().submitted()).isZero();
        }

        @Test
        void garbageLinesInTheOutputFileAreEachNamedAndTheOtherAnswersKept() {
            standIn.garbageLines = 2;
            Batches.Submitted s = batches(props("c.db"), Map.of()).submit();
            Batches.Collected c = Batches.forState(tmp.resolve("state.json"), Map.of(), log::add)
                    .collect(true, Duration.ofMillis(10), false);
            assertThat(c.answers()).isEqualTo(s.submitted());
            assertThat(c.badLines()).hasSize(2);
            assertThat(c.badLines().get(0)).contains("file-").contains("/v1/files/").contains("line " + (s.submitted() + 1))
                    .contains("not JSON");
            assertThat(c.badLines().get(1)).contains("line " + (s.submitted() + 2));
        }

        @Test
        void aCancelledBatchIsCollectedAndItsUnansweredRequestsResubmitted() {
            standIn.holdBatches = true;
            Batches.Submitted s = batches(props("c.db"), Map.of()).submit();
            List<dev.clp.model.spi.BatchApi.Remote> cancelled = Batches.forState(tmp.resolve("state.json"), Map.of(),
                    log::add).cancel();
            assertThat(cancelled).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo("cancelled"));
            Batches.Collected c = Batches.forState(tmp.resolve("state.json"), Map.of(), log::add)
                    .collect(false, Duration.ofMillis(10), false);
            assertThat(c.failed()).hasSize(s.submitted());
            assertThat(c.failed().values()).allMatch(w -> w.contains("cancelled") && w.contains(s.batches().get(0)));
            standIn.holdBatches = false;
            assertThat(batches(props("c.db"), Map.of()).submit().submitted()).isEqualTo(s.submitted());
        }
    }

    @Nested
    class Rejects {

        @Test
        void aRefusedKeyNamesTheEndpointAndTheVariableNeverTheKey() {
            standIn.requireKey = "sk-right";
            Map<String, String> p = props("c.db");
            assertThatThrownBy(() -> batches(p, Map.of("OPENAI_API_KEY", "sk-wrong-secret")).submit())
                    .isInstanceOf(BatchException.class)
                    .hasMessageContaining("POST http://127.0.0.1:")
                    .hasMessageContaining("/v1/files -> HTTP 401: Incorrect API key provided.")
                    .hasMessageContaining("OPENAI_API_KEY")
                    .hasMessageNotContaining("sk-wrong-secret");
            assertThat(Files.exists(tmp.resolve("state.json"))).as("no batch was created").isFalse();
        }

        @Test
        void aBatchThatFailedValidationIsNamedWithItsErrorsAndItsRequestsStayToSubmit() {
            standIn.failValidation = true;
            Batches.Submitted s = batches(props("c.db"), Map.of()).submit();
            Batches.Collected c = Batches.forState(tmp.resolve("state.json"), Map.of(), log::add)
                    .collect(true, Duration.ofMillis(10), false);
            assertThat(c.failed()).hasSize(s.submitted());
            assertThat(c.failed().values().iterator().next()).contains(s.batches().get(0)).contains("failed")
                    .contains("input line 1: This line is not parseable as valid JSON.");
            assertThat(log).anyMatch(l -> l.contains("collected batch " + s.batches().get(0) + " (failed)"));
        }

        @Test
        void aRateLimitedBatchNamesTheEndpointAndLosesNothing() {
            standIn.rateLimitBatches = true;
            assertThatThrownBy(() -> batches(props("c.db"), Map.of()).submit())
                    .isInstanceOf(BatchException.class)
                    .hasMessageContaining("/v1/batches -> HTTP 429: Enqueued token limit reached")
                    .hasMessageContaining("retry-after: 60")
                    .hasMessageContaining("run the same command again later");
            standIn.rateLimitBatches = false;
            Batches.Submitted later = batches(props("c.db"), Map.of()).submit();
            assertThat(later.submitted()).isEqualTo(later.requests()).isPositive();
        }

        @Test
        void anOutputFileThatCannotBeDownloadedIsNamedAndTheBatchStaysToCollect() {
            standIn.dropOutputFiles = true;
            Batches.Submitted s = batches(props("c.db"), Map.of()).submit();
            assertThatThrownBy(() -> Batches.forState(tmp.resolve("state.json"), Map.of(), log::add)
                    .collect(true, Duration.ofMillis(10), false))
                    .isInstanceOf(BatchException.class)
                    .hasMessageMatching("GET http://127\\.0\\.0\\.1:\\d+/v1/files/file-\\d+/content -> HTTP 404: "
                            + "No such File object: file-\\d+ \\(not_found\\)");
            standIn.dropOutputFiles = false;
            Batches.Collected c = Batches.forState(tmp.resolve("state.json"), Map.of(), log::add)
                    .collect(true, Duration.ofMillis(10), false);
            assertThat(c.answers()).isEqualTo(s.submitted());
        }

        @Test
        void aStateFileOfAnotherRunIsRefusedNamingIt() {
            batches(props("c.db"), Map.of()).submit();
            Map<String, String> other = props("c.db");
            other.put("clp.samples", "3");
            assertThatThrownBy(() -> batches(other, Map.of()))
                    .isInstanceOf(BatchException.class)
                    .hasMessageContaining(tmp.resolve("state.json").toString())
                    .hasMessageContaining("belongs to another run");
        }

        @Test
        void aMissingOrCorruptStateFileIsNamed() throws IOException {
            assertThatThrownBy(() -> Batches.forState(tmp.resolve("none.json"), Map.of(), log::add))
                    .hasMessageContaining(tmp.resolve("none.json") + ": no batch state file");
            Files.writeString(tmp.resolve("bad.json"), "{\"format\":");
            assertThatThrownBy(() -> Batches.forState(tmp.resolve("bad.json"), Map.of(), log::add))
                    .hasMessageContaining(tmp.resolve("bad.json") + ": not a batch state file");
        }
    }

    int count(String call) {
        return (int) standIn.paths.stream().filter(call::equals).count();
    }
}
