package dev.clp.engine;

import dev.clp.scoring.PairOutcome;
import dev.clp.suite.Pair;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The {@link Prefetcher}'s pairs sent to the model before the execution order was known ({@code clp.eager-start}, at
 * most one window), and those of their outcomes that came back before {@link Prefetcher#begin} said where outcomes go.
 * Not thread-safe: every call holds the prefetcher's lock.
 */
final class EarlyPairs {

    /** A pair sent to the model before {@link Prefetcher#begin}: adopted only by the same pair (two suites may share an id). */
    record Early(Pair pair, Future<PairOutcome> future) {
    }

    /** An outcome with the wall-clock start and stop of its evaluation. */
    record Done(String suiteId, PairOutcome outcome, long startMillis, long stopMillis) {
    }

    private final int window;
    private final Map<String, Early> early = new HashMap<>();
    private final List<Done> undelivered = new ArrayList<>();

    EarlyPairs(int window) {
        this.window = window;
    }

    static String key(String suiteId, String lang, String id) {
        return suiteId + '\u0000' + lang + '\u0000' + id;
    }

    /** Starts the pair unless a window of pairs was started already (or this one was). */
    void start(String suiteId, Pair pair, Supplier<Future<PairOutcome>> evaluation) {
        if (early.size() < window) {
            early.computeIfAbsent(key(suiteId, pair.lang(), pair.id()), k -> new Early(pair, evaluation.get()));
        }
    }

    /** The evaluations started, in no order. */
    List<Future<PairOutcome>> futures() {
        return early.values().stream().map(Early::future).toList();
    }

    /** The pair started early under this key, which it is no longer: null when there is none. */
    Early take(String suiteId, String lang, String id) {
        return early.remove(key(suiteId, lang, id));
    }

    /** The keys of the pairs started early and of the outcomes kept: the only pairs whose descriptor must be found by key. */
    java.util.Set<String> keys() {
        java.util.Set<String> keys = new java.util.HashSet<>(early.keySet());
        undelivered.forEach(d -> keys.add(key(d.suiteId(), d.outcome().pair().lang(), d.outcome().pair().id())));
        return keys;
    }

    /** Keeps an outcome that came back before anyone said where it goes. */
    void keep(Done done) {
        undelivered.add(done);
    }

    /**
     * Hands each kept outcome to {@code delivery} (which starts delivering it) and makes the future it returns the one
     * its pair adopts, so that a pair's test has its outcome only once the sink has it too.
     */
    void deliverKept(Function<Done, Future<PairOutcome>> delivery) {
        for (Done d : undelivered) {
            String key = key(d.suiteId(), d.outcome().pair().lang(), d.outcome().pair().id());
            Future<PairOutcome> delivered = delivery.apply(d);
            Early started = early.get(key);
            if (started != null) {
                early.put(key, new Early(started.pair(), delivered));
            }
        }
        undelivered.clear();
    }
}
