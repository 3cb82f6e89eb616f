package dev.clp.probes;

import dev.clp.model.BudgetExhaustedException;
import dev.clp.model.ModelClient;
import dev.clp.probes.SearchNode.Candidate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * What a {@link SearchStrategy} searches with, the same for every strategy: the settings, the models, the
 * {@link CallLedger} every call goes through (checkpoint first, budgets), the {@link Panel}, the
 * {@link BatchedCalls}, a pool to grade candidates in parallel, the count of rejected candidates and the
 * {@link Acceptance} that records an accepted pair.
 */
final class Search implements AutoCloseable {

    private final GeneratorSettings settings;
    private final Function<String, ModelClient> models;
    private final CallLedger ledger;
    private final Panel panel;
    private final BatchedCalls calls;
    private final Acceptance acceptance;
    private final ExecutorService pool;
    private final Map<String, Integer> rejected = new TreeMap<>();

    Search(GeneratorSettings settings, Function<String, ModelClient> models, CallLedger ledger, Panel panel,
            BatchedCalls calls, Acceptance acceptance) {
        this.settings = settings;
        this.models = models;
        this.ledger = ledger;
        this.panel = panel;
        this.calls = calls;
        this.acceptance = acceptance;
        this.pool = Executors.newFixedThreadPool(settings.concurrency(), r -> {
            Thread t = new Thread(r, "clp-generate");
            t.setDaemon(true);
            return t;
        });
    }

    GeneratorSettings settings() {
        return settings;
    }

    ModelClient model(String name) {
        return models.apply(name);
    }

    CallLedger ledger() {
        return ledger;
    }

    Panel panel() {
        return panel;
    }

    BatchedCalls calls() {
        return calls;
    }

    /** Records a good candidate as an accepted pair; false when it is not (a duplicate id). */
    boolean accept(int batchIndex, Candidate candidate) {
        return acceptance.accept(batchIndex, candidate, this::reject);
    }

    /** Counts a candidate dropped by a check. */
    void reject(String check) {
        count(rejected, check);
    }

    /** Candidates dropped so far, by check. */
    Map<String, Integer> rejected() {
        synchronized (rejected) {
            return Map.copyOf(rejected);
        }
    }

    /**
     * Applies {@code work} to every item on the pool and returns the results in item order. A failure is thrown
     * once all items are done; a spent budget wins over other failures, as it is the reason the run stops.
     */
    <T, R> List<R> parallel(List<T> items, Function<T, R> work) {
        List<Future<R>> futures = new ArrayList<>();
        for (T item : items) {
            futures.add(pool.submit(() -> work.apply(item)));
        }
        List<R> out = new ArrayList<>();
        RuntimeException failure = null;
        for (Future<R> f : futures) {
            try {
                out.add(f.get());
            } catch (ExecutionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException re ? re
                        : new GeneratorException(String.valueOf(e.getCause()), e.getCause());
                // a spent budget wins over other failures: it is the reason the run stops
                if (failure == null || cause instanceof BudgetExhaustedException) {
                    failure = cause;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GeneratorException("interrupted", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return out;
    }

    static void count(Map<String, Integer> map, String key) {
        synchronized (map) {
            map.merge(key, 1, Integer::sum);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
