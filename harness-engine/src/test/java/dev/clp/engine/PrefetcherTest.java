package dev.clp.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clp.model.ChatRequest;
import dev.clp.model.ChatResponse;
import dev.clp.model.ModelClient;
import dev.clp.scoring.PairEvaluator;
import dev.clp.suite.Pair;
import dev.clp.suite.Side;
import dev.clp.suite.SuiteWriter;
import dev.clp.testing.SuiteFixtures;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.UniqueId;

/** What {@link Prefetcher} adopts from the pairs it started before the execution order was known. */
class PrefetcherTest {

    /** Answers "A" to everything and keeps the last message of each request. */
    private static final class Recording implements ModelClient {
        final Queue<String> asked = new ConcurrentLinkedQueue<>();

        @Override
        public ChatResponse complete(ChatRequest request) {
            asked.add(request.messages().get(request.messages().size() - 1).content());
            return new ChatResponse("A", "stop", 10, 1, 0);
        }

        @Override
        public String name() {
            return "test:recording";
        }

        @Override
        public void close() {
        }
    }

    @TempDir
    Path dir;

    /** The descriptor of a pair written to a pairs file, as discovery makes it: it reads the pair when it runs. */
    private PairDescriptor descriptor(Pair pair) {
        PairsFile file = PairsFile.read(SuiteWriter.writePairs(dir, pair.lang(), List.of(pair)), false, new HashMap<>(),
                (p, line, offset, length) -> { });
        return new PairDescriptor(UniqueId.forEngine("clp").append("suite", "s").append("lang", pair.lang())
                .append("pair", pair.id()), file.pairs().get(0), file.text(), "s");
    }

    /** Sends {@code early} ahead, as discovery does, then runs {@code run} as the only pair of the execution order. */
    private void startEarlyThenRun(ModelClient model, Pair early, Pair run) {
        try (Prefetcher prefetcher = new Prefetcher(CompletableFuture.completedFuture(
                new PairEvaluator(model, 1, 0.0, 16)), 4)) {
            prefetcher.prestart("s", early);
            PairDescriptor d = descriptor(run);
            prefetcher.begin(List.of(d), OutcomeListener.NONE);
            prefetcher.await(d);
        }
    }

    @Test
    void aPairStartedEarlyIsAdoptedOnlyByTheSamePair() {
        Recording model = new Recording();
        Pair early = SuiteFixtures.pair("sw", "topic0", 0);
        // same suite, language and id (ids come from the English side), another target text: e.g. a second copy of the
        // suite with a corrected translation
        Pair corrected = new Pair(early.id(), early.lang(), early.source(), early.subject(), early.en(),
                new Side("[sw] corrected question?", early.target().choices(), early.target().answer()), null,
                early.provenance());
        startEarlyThenRun(model, early, corrected);

        assertThat(model.asked).as("the corrected pair is asked itself, not answered with the early pair's outcome")
                .anyMatch(m -> m.contains("[sw] corrected question?"));
    }

    @Test
    void aPairStartedEarlyIsNotAskedAgain() {
        Recording model = new Recording();
        Pair pair = SuiteFixtures.pair("sw", "topic0", 0);
        startEarlyThenRun(model, pair, pair);

        assertThat(model.asked).as("English once, the target once").hasSize(2);
    }

    @Test
    void outcomesBackBeforeTheRunBeganAreHandedToTheSinkByTheWorkersBeforeThePairsTestSeesThem() throws Exception {
        Recording model = new Recording();
        Pair pair = SuiteFixtures.pair("sw", "topic0", 0);
        Queue<String> deliveredOn = new ConcurrentLinkedQueue<>();
        try (Prefetcher prefetcher = new Prefetcher(CompletableFuture.completedFuture(
                new PairEvaluator(model, 1, 0.0, 16)), 4)) {
            prefetcher.prestart("s", pair);
            for (Future<?> f : prefetcher.prestarted()) {
                f.get(); // back before the execution order is known: kept for the sink that begin names
            }
            PairDescriptor d = descriptor(pair);
            prefetcher.begin(List.of(d), (p, outcome, start, stop) -> deliveredOn.add(Thread.currentThread().getName()));
            prefetcher.await(d);
            assertThat(deliveredOn).as("the first window is delivered (run.json's journal, Allure) by the workers, "
                    + "not one by one by the thread that begins the run, and before the pair's test has its outcome")
                    .hasSize(1).allMatch(name -> name.startsWith("clp-model-"));
        }
        assertThat(model.asked).as("English once, the target once").hasSize(2);
    }
}
