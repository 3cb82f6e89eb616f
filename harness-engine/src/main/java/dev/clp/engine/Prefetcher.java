package dev.clp.engine;

import dev.clp.scoring.PairEvaluator;
import dev.clp.scoring.PairOutcome;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.platform.engine.UniqueId;

/**
 * Evaluates pairs ahead of the (sequential, ordered) JUnit execution: while pair i is reported, pairs up
 * to i + window are already with the model on {@code concurrency} threads. JUnit events therefore stay
 * correctly nested and ordered, and memory grows with the window, not with the suite.
 */
final class Prefetcher implements AutoCloseable {

    private final List<PairDescriptor> order;
    private final Map<UniqueId, Integer> index = new HashMap<>();
    private final Map<Integer, Future<PairOutcome>> inFlight = new HashMap<>();
    /** Futures already handed out; kept so that {@link #awaitAll} and {@link #await} can both see them. */
    private final Map<Integer, Future<PairOutcome>> done = new HashMap<>();
    private final PairEvaluator evaluator;
    private final Evaluated evaluated;
    private final ExecutorService pool;
    private final int window;
    private int submitted;

    /**
     * Told of each outcome on the worker that produced it, as soon as it is known: results that do not depend on JUnit's
     * reporting order (Allure files) are written while the model still works, not in a burst after the last answer.
     */
    @FunctionalInterface
    interface Evaluated {
        Evaluated NONE = (pair, outcome, startMillis, stopMillis) -> { };

        void evaluated(PairDescriptor pair, PairOutcome outcome, long startMillis, long stopMillis);
    }

    Prefetcher(List<PairDescriptor> order, PairEvaluator evaluator, int concurrency) {
        this(order, evaluator, concurrency, Evaluated.NONE);
    }

    Prefetcher(List<PairDescriptor> order, PairEvaluator evaluator, int concurrency, Evaluated evaluated) {
        this.order = List.copyOf(order);
        for (int i = 0; i < this.order.size(); i++) {
            index.put(this.order.get(i).getUniqueId(), i);
        }
        this.evaluator = evaluator;
        this.evaluated = evaluated;
        // generous, so one slow pair at the head of the reported order never leaves the workers idle
        this.window = Math.max(concurrency * 16, 64);
        AtomicInteger n = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "clp-model-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        // spare workers keep it saturated while others parse answers or wait out a retry back-off
        this.pool = Executors.newFixedThreadPool(2 * concurrency + 2, threads);
    }

    /** The outcome of a pair, waiting for it if needed. Failures of the evaluation itself propagate. */
    PairOutcome await(PairDescriptor pair) {
        Future<PairOutcome> future;
        synchronized (this) {
            Integer i = index.get(pair.getUniqueId());
            if (i == null) {
                future = evaluate(pair);
            } else {
                int until = Math.min(order.size(), i + window);
                while (submitted < until) {
                    submit(submitted++);
                }
                future = inFlight.remove(i);
                if (future == null) {
                    future = done.get(i);
                }
                if (future == null) {
                    future = evaluate(pair);
                }
                done.put(i, future);
            }
        }
        return get(future, pair);
    }

    private static PairOutcome get(Future<PairOutcome> future, PairDescriptor pair) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for pair " + pair.pair().id(), e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("evaluating pair " + pair.pair().id() + " failed", cause);
        }
    }

    /**
     * Waits for every pair of the run and returns the outcomes in execution order; the gates need all of
     * them before any can be decided. Later {@link #await} calls still find their outcome.
     */
    List<PairOutcome> awaitAll() {
        List<Future<PairOutcome>> futures = new java.util.ArrayList<>(order.size());
        synchronized (this) {
            while (submitted < order.size()) {
                submit(submitted++);
            }
            for (int i = 0; i < order.size(); i++) {
                Future<PairOutcome> f = inFlight.get(i);
                if (f == null) {
                    f = done.get(i);
                }
                futures.add(f);
            }
        }
        List<PairOutcome> out = new java.util.ArrayList<>(futures.size());
        for (int i = 0; i < futures.size(); i++) {
            out.add(get(futures.get(i), order.get(i)));
        }
        return out;
    }

    private void submit(int i) {
        inFlight.put(i, evaluate(order.get(i)));
    }

    private Future<PairOutcome> evaluate(PairDescriptor pair) {
        return pool.submit(() -> {
            long start = System.currentTimeMillis();
            PairOutcome outcome = evaluator.evaluate(pair.pair());
            evaluated.evaluated(pair, outcome, start, System.currentTimeMillis());
            return outcome;
        });
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
