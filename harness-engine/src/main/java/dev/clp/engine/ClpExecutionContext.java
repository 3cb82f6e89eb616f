package dev.clp.engine;

import dev.clp.allure.AllureResults;
import dev.clp.config.ClpConfig;
import dev.clp.run.RunJournal;
import dev.clp.scoring.Baseline;
import java.util.List;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.support.hierarchical.EngineExecutionContext;

/**
 * What the descriptors share during a run. The engine descriptor fills in the run-scoped parts in
 * {@code before}; until then only the listener and the configuration are set.
 */
final class ClpExecutionContext implements EngineExecutionContext {

    private final EngineExecutionListener listener;
    private final ClpConfig config;
    private final Run run;

    /**
     * The run-scoped state, made by the engine descriptor's {@code before} and closed by its {@code after}: the model
     * side, the prefetcher, the gates, the baseline, the Allure writer, when the run started, the pairs asked only for
     * their gates, the journal that writes each outcome for run.json as it is recorded (none is kept in memory), and
     * the entries a killed earlier run left in its journal (-1: none).
     */
    record Run(ModelSetup models, Prefetcher prefetcher, GateBoard gates, Baseline baseline, AllureResults allure,
            java.time.Instant startedAt, List<PairDescriptor> gateOnly, RunJournal journal, int leftover) {
        /** Puts the pair's journaled entry next in run.json. */
        void record(PairDescriptor pair) {
            journal.record(pair.journalEntry());
        }
    }

    ClpExecutionContext(EngineExecutionListener listener, ClpConfig config, Run run) {
        this.listener = listener;
        this.config = config;
        this.run = run;
    }

    ClpExecutionContext withRun(ModelSetup models, Prefetcher prefetcher, GateBoard gates, Baseline baseline,
            AllureResults allure, java.time.Instant startedAt, List<PairDescriptor> gateOnly, RunJournal journal,
            int leftover) {
        return new ClpExecutionContext(listener, config, new Run(models, prefetcher, gates, baseline, allure, startedAt,
                List.copyOf(gateOnly), journal, leftover));
    }

    EngineExecutionListener listener() {
        return listener;
    }

    ClpConfig config() {
        return config;
    }

    /** The run, or null when nothing was selected. */
    Run run() {
        return run;
    }
}
