package dev.clp.engine;

import dev.clp.scoring.PairOutcome;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** The {@link Prefetcher}'s model worker threads, and waiting for what they return. */
final class Workers {

    private Workers() {
    }

    /** Daemon threads {@code clp-model-<n>}. */
    static ExecutorService pool(int concurrency) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "clp-model-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        // more workers than calls in flight: the model layer's limiter caps HTTP calls at clp.concurrency, and the
        // spare workers keep it saturated while others parse answers or wait out a retry back-off
        return Executors.newFixedThreadPool(2 * concurrency + 2, threads);
    }

    /** The outcome of a pair's evaluation, waiting for it; failures of the evaluation itself propagate. */
    static PairOutcome outcome(Future<PairOutcome> future, PairDescriptor pair) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for pair " + pair.id(), e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof CompletionException c && c.getCause() != null ? c.getCause()
                    : e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("evaluating pair " + pair.id() + " failed", cause);
        }
    }
}
