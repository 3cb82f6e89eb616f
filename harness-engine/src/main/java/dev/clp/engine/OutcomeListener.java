package dev.clp.engine;

import dev.clp.scoring.PairOutcome;

/**
 * Told by the {@link Prefetcher} of each outcome on the worker that produced it, as soon as it is known: results that
 * do not depend on JUnit's reporting order (Allure files) are written while the model still works, not in a burst
 * after the last answer.
 */
@FunctionalInterface
interface OutcomeListener {
    OutcomeListener NONE = (pair, outcome, startMillis, stopMillis) -> { };

    void evaluated(PairDescriptor pair, PairOutcome outcome, long startMillis, long stopMillis);
}
