package dev.clp.engine;

import dev.clp.config.ClpConfig;
import dev.clp.model.spi.Questions;
import dev.clp.scoring.PairOutcome;
import dev.clp.suite.Pair;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Future;

/**
 * The model side started while the suites are still read ({@code clp.eager-start}): the clients are built on a thread
 * of their own and {@link #prestart} sends pairs as their lines are read. The run takes it over, or discards it.
 */
final class EarlyStart {

    private final Prefetcher prefetcher;
    private final CompletableFuture<ModelSetup> setup;

    private EarlyStart(Prefetcher prefetcher, CompletableFuture<ModelSetup> setup) {
        this.prefetcher = prefetcher;
        this.setup = setup;
    }

    static EarlyStart start(ClpConfig config, Map<String, String> environment) {
        CompletableFuture<ModelSetup> setup = new CompletableFuture<>();
        Thread builder = new Thread(() -> {
            try {
                // HTTP clients only (startsEarly), which do not read the questions
                setup.complete(ModelSetup.create(config, environment, new Questions()));
            } catch (RuntimeException | Error e) {
                setup.completeExceptionally(e);
            }
        }, "clp-model-setup");
        builder.setDaemon(true);
        builder.start();
        return new EarlyStart(new Prefetcher(setup.thenApply(ModelSetup::evaluator), config.limits().concurrency()),
                setup);
    }

    void prestart(String suiteId, Pair pair) {
        prefetcher.prestart(suiteId, pair);
    }

    /** The model calls started so far. */
    List<Future<PairOutcome>> calls() {
        return prefetcher.prestarted();
    }

    Prefetcher prefetcher() {
        return prefetcher;
    }

    /** The clients, waiting for their set-up; a set-up that failed throws its exception. */
    ModelSetup models() {
        try {
            return setup.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
    }

    /** Stops the calls started early and closes their clients, when the run does not go ahead. */
    void discard() {
        prefetcher.close();
        setup.thenAccept(ModelSetup::close);
    }
}
