package dev.clp.engine;

import dev.clp.scoring.CompactOutcome;
import dev.clp.scoring.PairEvaluator;
import dev.clp.scoring.PairOutcome;
import dev.clp.suite.Pair;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Evaluates pairs ahead of the (sequential, ordered) JUnit execution: while pair i is reported, pairs up
 * to i + window are already with the model on {@code concurrency} threads. JUnit events therefore stay
 * correctly nested and ordered, and memory grows with the window, not with the suite.
 *
 * <p>With {@code clp.eager-start} the prefetcher exists before discovery ends: {@link #prestart} sends pairs as their
 * lines are read (at most one window) while the rest of the suite is still read, and {@link #begin} then
 * takes the execution order and adopts what was started.
 */
final class Prefetcher implements AutoCloseable {

    private final CompletableFuture<PairEvaluator> evaluator;
    private final ExecutorService pool;
    private final int window;
    /** Pairs started before {@link #begin} and their outcomes not yet delivered; guarded by this. */
    private final EarlyPairs early;
    /** The execution order; each pair's place in it is the descriptor's {@link PairDescriptor#place}. */
    private List<PairDescriptor> order;
    /** The descriptors of the pairs started or answered before {@link #begin} (not every pair: issue 17.3). */
    private final Map<String, PairDescriptor> byKey = new HashMap<>();
    /** By place in the order, each pair's evaluation once submitted, then what its test and the gates read of it. */
    private OutcomeColumns columns;
    private OutcomeListener evaluated;
    /** Source questions and names the compact outcomes share. */
    private final CompactOutcome.Shared shared = new CompactOutcome.Shared();
    private int submitted;

    /**
     * @param evaluator completes when the model client is set up (it may still be connecting while suites are read);
     *     a failed set-up fails every pair that needs it
     */
    Prefetcher(CompletableFuture<PairEvaluator> evaluator, int concurrency) {
        this.evaluator = evaluator;
        // generous, so one slow pair at the head of the reported order never leaves the workers idle
        this.window = Math.max(concurrency * 16, 64);
        this.early = new EarlyPairs(window);
        this.pool = Workers.pool(concurrency);
    }

    /**
     * Sends a pair to the model before discovery has finished; at most one window of pairs is started this way, and
     * nothing once {@link #begin} was called. Only for runs where every discovered pair will be executed.
     */
    synchronized void prestart(String suiteId, Pair pair) {
        if (order == null) {
            early.start(suiteId, pair, () -> evaluate(suiteId, pair, null));
        }
    }

    /** The evaluations {@link #prestart} started, in no order (tests wait for them instead of polling). */
    synchronized List<Future<PairOutcome>> prestarted() {
        return early.futures();
    }

    /**
     * The execution order (pairs of the run, filters applied) and where outcomes go; adopts what was prestarted. The
     * outcomes that came back already (a warm cache answers the first window during discovery) go to the sink on the
     * workers, not one by one on the calling thread, which goes on to run the pairs' tests meanwhile.
     */
    synchronized Prefetcher begin(List<PairDescriptor> executionOrder, OutcomeListener sink) {
        this.order = List.copyOf(executionOrder);
        this.columns = new OutcomeColumns(order);
        java.util.Set<String> before = early.keys();
        for (int i = 0; i < order.size(); i++) {
            PairDescriptor d = order.get(i);
            d.place = i;
            String k = before.isEmpty() ? null : EarlyPairs.key(d.suiteId(), d.lang(), d.id());
            if (k != null && before.contains(k)) {
                byKey.put(k, d);
            }
        }
        this.evaluated = sink;
        early.deliverKept(d -> pool.submit(() -> OutcomeColumns.compact(deliver(d.suiteId(), null, d.outcome(),
                d.startMillis(), d.stopMillis()), d.outcome(), shared)));
        return this;
    }

    /** A pair's outcome, waited for if needed, from the columns once they keep it; evaluation failures propagate. */
    PairOutcome await(PairDescriptor pair) {
        Future<PairOutcome> future;
        boolean placed;
        synchronized (this) {
            placed = columns.placed(pair);
            if (placed && columns.has(pair.place)) {
                return columns.outcome(pair, shared);
            }
            future = placed ? submitted(pair.place) : evaluate(pair.suiteId(), null, pair);
        }
        PairOutcome outcome = Workers.outcome(future, pair);
        if (placed) {
            keep(pair.place, outcome);
        }
        return outcome;
    }

    /** The evaluation of the pair at a place, submitted with the window after it; guarded by this. */
    private Future<PairOutcome> submitted(int i) {
        int until = Math.min(order.size(), i + window);
        while (submitted < until) {
            submit(submitted++);
        }
        if (columns.future(i) == null) {
            columns.future(i, evaluate(order.get(i).suiteId(), null, order.get(i)));
        }
        return columns.future(i);
    }

    private synchronized void keep(int i, PairOutcome outcome) {
        columns.keep(i, outcome, shared);
    }

    /** Waits for every pair (the gates need all: {@link #scored}), submitting a window ahead as {@link #await} does. */
    void awaitAll() {
        for (int i = 0; i < order.size(); i++) {
            Future<PairOutcome> future = pending(i);
            if (future != null) {
                keep(i, Workers.outcome(future, order.get(i)));
            }
        }
    }

    private synchronized Future<PairOutcome> pending(int i) {
        return columns.has(i) ? null : submitted(i);
    }

    /** What the gates read of a pair's outcome, once {@link #awaitAll} has waited for it. */
    synchronized dev.clp.scoring.RunGates.Scored scored(PairDescriptor pair) {
        return columns.scored(pair);
    }

    private void submit(int i) {
        PairDescriptor d = order.get(i);
        EarlyPairs.Early started = early.take(d.suiteId(), d.lang(), d.id());
        // adopted on a worker, which reads the pair again to compare (at most one window of pairs starts early); the
        // early evaluation was queued before this task, so it has a thread already or is done
        columns.future(i, started == null ? evaluate(d.suiteId(), null, d) : pool.submit(() -> d.holds(started.pair())
                ? Workers.outcome(started.future(), d) : evaluation(d.suiteId(), null, d)));
    }

    /**
     * @param early the pair started during discovery, or null: the descriptor's, read on the worker (queued: no text)
     * @param descriptor the pair's test, or null when it is not known yet (started during discovery)
     */
    private Future<PairOutcome> evaluate(String suiteId, Pair early, PairDescriptor descriptor) {
        return pool.submit(() -> evaluation(suiteId, early, descriptor));
    }

    /** What {@link #evaluate} runs on a worker. */
    private PairOutcome evaluation(String suiteId, Pair early, PairDescriptor descriptor) {
        long start = System.currentTimeMillis();
        PairOutcome outcome = evaluator.join().evaluate(early != null ? early : descriptor.load());
        return OutcomeColumns.compact(deliver(suiteId, descriptor, outcome, start, System.currentTimeMillis()), outcome,
                shared);
    }

    /**
     * Hands an outcome to the sink and returns the pair's test, or keeps it until {@link #begin} names one (null);
     * pairs outside the order are dropped (null).
     */
    private PairDescriptor deliver(String suiteId, PairDescriptor known, PairOutcome outcome, long start, long stop) {
        OutcomeListener sink;
        PairDescriptor descriptor = known;
        synchronized (this) {
            if (evaluated == null) {
                early.keep(new EarlyPairs.Done(suiteId, outcome, start, stop));
                return null;
            }
            sink = evaluated;
            if (descriptor == null) {
                descriptor = byKey.get(EarlyPairs.key(suiteId, outcome.pair().lang(), outcome.pair().id()));
            }
        }
        if (descriptor != null) {
            sink.evaluated(descriptor, outcome, start, stop);
            dev.clp.console.AnsweredPairs.answered(descriptor.getUniqueId()); // progress, before JUnit reaches the pair
        }
        return descriptor;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
