package dev.clp.engine;

import dev.clp.config.ClpConfig;
import dev.clp.config.ConfigException;
import dev.clp.allure.AllureResults;
import dev.clp.scoring.Baseline;
import dev.clp.run.RunJournal;
import dev.clp.scoring.RunRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * {@code [engine:clp]}: sets up the run (model client, prefetcher) in {@code before}, and in {@code after}
 * writes {@code run.json} and publishes the summary table as the report entry {@code clp.summary}.
 */
final class ClpEngineDescriptor extends EngineDescriptor implements Node<ClpExecutionContext> {

    /** Report entry key carrying the rendered summary table. */
    static final String SUMMARY_KEY = "clp.summary";
    static final String RESULTS_KEY = "clp.results";
    static final String BASELINE_KEY = "clp.baseline.written";

    private final ClpConfig config;
    private ConfigException configError;
    private final Map<String, String> environment;
    /** Set by {@link #startEarly}, taken over (or discarded) by {@link #before}. */
    private EarlyStart early;

    ClpEngineDescriptor(UniqueId uniqueId, ClpConfig config, ConfigException configError,
            Map<String, String> environment) {
        super(uniqueId, "clp");
        this.config = config;
        this.configError = configError;
        this.environment = environment;
    }

    ClpConfig config() {
        return config;
    }

    /** Fails the run with {@code error} (when it has no configuration error yet): found after discovery. */
    void reject(ConfigException error) {
        if (configError == null) {
            configError = error;
        }
    }

    /**
     * Starts the model side while the suites are still read ({@code clp.eager-start}; see {@link EarlyStart}). Before
     * {@link #before} only; a no-op unless {@link ClpConfig#startsEarly()}.
     */
    void startEarly() {
        if (configError != null || !config.startsEarly() || early != null) {
            return;
        }
        try {
            OutputDirectories.check(config);
        } catch (ConfigException e) {
            return; // no call is sent: before() fails the run with the message
        }
        early = EarlyStart.start(config, environment);
    }

    /** What {@link #startEarly} started, until the run takes it over or discards it; null when nothing started. */
    EarlyStart earlyStart() {
        return early;
    }

    /** Sends a pair ahead as soon as it is read (at most one window in all) when the run started early. */
    void prestart(String suiteId, dev.clp.suite.Pair pair) {
        if (early != null && config.includesLanguage(pair.lang())) {
            early.prestart(suiteId, pair);
        }
    }

    @Override
    public ClpExecutionContext before(ClpExecutionContext context) {
        try {
            return setUp(context);
        } catch (RuntimeException | Error e) {
            discardEarlyStart();
            throw e;
        }
    }

    private ClpExecutionContext setUp(ClpExecutionContext context) {
        if (getChildren().isEmpty()) {
            // nothing selected for this engine (e.g. Surefire handing it class selectors): no model, no run.json
            discardEarlyStart();
            return context;
        }
        if (configError != null) {
            throw configError;
        }
        OutputDirectories.check(config);
        Baseline baseline = RunPlan.baseline(config);
        OutputDirectories.clearEarlierResults(config);
        int leftover = RunJournal.leftover(config.output().resultsDir());
        Instant startedAt = Instant.now();
        RunPlan plan = RunPlan.of(this, config);
        if (plan.order().isEmpty() && getDescendants().stream().noneMatch(ProblemDescriptor.class::isInstance)) {
            // (invalid suite lines or manifests fail as problem tests of their own, so such a run is not green)
            discardEarlyStart();
            throw new ConfigException(SelectionChecks.noPairReason(config, this));
        }
        RunJournal journal = OutputDirectories.journal(config);
        try {
            return setUp(context, plan, baseline, startedAt, journal, leftover);
        } catch (RuntimeException | Error e) {
            journal.close();
            throw e;
        }
    }

    private ClpExecutionContext setUp(ClpExecutionContext context, RunPlan plan, Baseline baseline, Instant startedAt,
            RunJournal journal, int leftover) {
        ModelSetup models;
        Prefetcher prefetcher;
        if (early != null) {
            models = early.models();
            prefetcher = early.prefetcher();
        } else {
            models = ModelSetup.create(config, environment, ModelSetup.questions(config, plan));
            prefetcher = new Prefetcher(java.util.concurrent.CompletableFuture.completedFuture(models.evaluator()),
                    config.limits().concurrency());
        }
        early = null;
        AllureResults allure = config.output().allureResultsDir().map(dir -> new AllureResults(dir, models.model().name(),
                Map.of("K (samples)", String.valueOf(config.decoding().samples()), "temperature",
                        String.valueOf(config.decoding().temperature())), config.output())).orElse(null);
        // each pair's run.json entry and Allure result are written when its answers are in (with the real start and
        // stop of its calls), while the model works instead of after the last answer; the run keeps a CompactOutcome
        prefetcher.begin(plan.order(), (pair, outcome, start, stop) -> {
                    pair.journal(journal, outcome);
                    if (allure != null && !plan.untested().contains(pair.getUniqueId())) {
                        allure.pair(pair.suiteId(), UniqueIds.text(pair.getUniqueId()), pair.getDisplayName(),
                                Sources.line(pair), outcome, pair.knownWeak(outcome, baseline), start, stop);
                    }
                });
        ClpExecutionContext withRun = context.withRun(models, prefetcher, new GateBoard(plan.order(), prefetcher, config,
                baseline, plan.gatedLanguages()), baseline, allure, startedAt, plan.gateOnly(), journal, leftover);
        journal.onInterrupt(() -> PartialRecords.partial(results(withRun.run()), withRun.run()));
        return withRun;
    }

    /** Stops calls started early and closes their clients, when the run does not go ahead. */
    void discardEarlyStart() {
        if (early != null) {
            early.discard();
            early = null;
        }
    }

    @Override
    public void after(ClpExecutionContext context) {
        ClpExecutionContext.Run run = context.run();
        if (run == null) {
            return;
        }
        List<String> notWritten = new ArrayList<>();
        try {
            for (PairDescriptor p : run.gateOnly()) {
                // asked for the gates only: recorded in run.json with the pairs that had tests
                run.prefetcher().await(p);
                run.record(p);
            }
            // closing the clients first commits the cache's queue, so a write that fails at the end is in the summary
            run.prefetcher().close();
            run.models().close();
        } finally {
            // reporting cannot change a verdict: Allure, run.json, gates.json and the baseline each fail alone, every
            // verdict is in the summary all the same, and the engine then fails once, naming each file and reason
            if (run.allure() != null) {
                run.allure().finish(results(run).allureEnvironment(), environment);
                run.allure().failure().ifPresent(notWritten::add);
            }
            try {
                results(run).writeResults(context, run, notWritten);
            } finally {
                run.journal().close();
            }
        }
        if (!notWritten.isEmpty()) {
            throw new ResultsNotWritten("every verdict is in the summary, but results could not be written: "
                    + String.join("; ", notWritten));
        }
    }

    private RunResults results(ClpExecutionContext.Run run) {
        ModelSetup m = run.models();
        return new RunResults(this, config, environment, m.model(), m.stats(), m.fallback(), m.fallbackStats(),
                run.startedAt());
    }
}
