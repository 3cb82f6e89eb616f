package dev.clp.engine;

import dev.clp.config.ClpConfig;
import dev.clp.scoring.RunCollector;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.support.hierarchical.EngineExecutionContext;

/**
 * What the descriptors share during a run. The engine descriptor fills in the run-scoped parts in
 * {@code before}; until then only the listener and the configuration are set.
 */
final class ClpExecutionContext implements EngineExecutionContext {

    private final EngineExecutionListener listener;
    private final ClpConfig config;
    private final Prefetcher prefetcher;
    private final RunCollector collector;
    private final double alphaPerGate;

    ClpExecutionContext(EngineExecutionListener listener, ClpConfig config, Prefetcher prefetcher,
            RunCollector collector, double alphaPerGate) {
        this.listener = listener;
        this.config = config;
        this.prefetcher = prefetcher;
        this.collector = collector;
        this.alphaPerGate = alphaPerGate;
    }

    ClpExecutionContext withRun(Prefetcher prefetcher, RunCollector collector, double alphaPerGate) {
        return new ClpExecutionContext(listener, config, prefetcher, collector, alphaPerGate);
    }

    EngineExecutionListener listener() {
        return listener;
    }

    ClpConfig config() {
        return config;
    }

    Prefetcher prefetcher() {
        return prefetcher;
    }

    RunCollector collector() {
        return collector;
    }

    /** The one-sided error of each gate's bounds: the family alpha split over the run's gates. */
    double alphaPerGate() {
        return alphaPerGate;
    }
}
