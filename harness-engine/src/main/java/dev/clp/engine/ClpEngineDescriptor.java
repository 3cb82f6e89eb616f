package dev.clp.engine;

import dev.clp.config.ClpConfig;
import dev.clp.config.ClpConstants;
import dev.clp.config.ConfigException;
import dev.clp.model.AnswerKey;
import dev.clp.model.CallStats;
import dev.clp.model.ModelClient;
import dev.clp.allure.AllureResults;
import dev.clp.scoring.FallbackExtractor;
import dev.clp.scoring.Baseline;
import dev.clp.scoring.RunRecord;
import java.nio.file.Path;
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
    /** Pairs asked only because their language's gate was selected without them (a tag filter, a gate's id). */
    private List<PairDescriptor> gateOnly = List.of();
    private final Map<String, String> environment;
    private ModelSetup models;
    private ModelClient model;
    private CallStats stats;
    private FallbackExtractor fallback;
    private CallStats fallbackStats;
    private Instant startedAt;
    /** Set by {@link #startEarly}, taken over (or discarded) by {@link #before}. */
    private Prefetcher early;
    private java.util.concurrent.CompletableFuture<ModelSetup> earlySetup;

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
     * Starts the model side while the suites are still read ({@code clp.eager-start}): the clients are built on a
     * thread of their own, and {@link #prestart} sends pairs as their lines are read. Before {@link #before}
     * only; a no-op unless {@link ClpConfig#startsEarly()}.
     */
    void startEarly() {
        if (configError != null || !config.startsEarly() || early != null) {
            return;
        }
        try {
            checkOutputDirectories();
        } catch (ConfigException e) {
            return; // no call is sent: before() fails the run with the message
        }
        java.util.concurrent.CompletableFuture<ModelSetup> setup = new java.util.concurrent.CompletableFuture<>();
        Thread builder = new Thread(() -> {
            try {
                // HTTP clients only (startsEarly), which do not read the answer key
                setup.complete(ModelSetup.create(config, environment, new AnswerKey()));
            } catch (RuntimeException | Error e) {
                setup.completeExceptionally(e);
            }
        }, "clp-model-setup");
        builder.setDaemon(true);
        builder.start();
        earlySetup = setup;
        early = new Prefetcher(setup.thenApply(ModelSetup::evaluator), config.limits().concurrency());
    }

    /** Whether {@link #startEarly} started the model side (and it was not yet taken over or discarded). */
    boolean startedEarly() {
        return early != null;
    }

    /** The model calls started during discovery, none when the run did not start early. */
    List<java.util.concurrent.Future<dev.clp.scoring.PairOutcome>> earlyCalls() {
        return early == null ? List.of() : early.prestarted();
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
        checkOutputDirectories();
        Baseline baseline = null;
        if (config.gates().baseline().isPresent() && !config.gates().baselineUpdate()) {
            try {
                baseline = Baseline.read(config.gates().baseline().get());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(ClpConstants.BASELINE + ": " + e.getMessage());
            }
        }
        startedAt = Instant.now();
        List<PairDescriptor> order = new ArrayList<>();
        AnswerKey key = new AnswerKey();
        java.util.Set<UniqueId> ordered = new java.util.HashSet<>();
        List<LanguageDescriptor> gated = new ArrayList<>();
        accept(d -> {
            if (d instanceof PairDescriptor p && config.includesLanguage(p.pair().lang())) {
                order.add(p);
                ordered.add(p.getUniqueId());
                key.register(p.pair());
            }
            if (d instanceof GateDescriptor g && g.getParent().orElse(null) instanceof LanguageDescriptor l
                    && config.includesLanguage(l.lang()) && !gated.contains(l)) {
                gated.add(l);
            }
        });
        // a gate decides from every pair of its language, also when a tag filter or a gate's unique id left the
        // pairs' tests out: those pairs are asked too, without tests of their own
        List<PairDescriptor> forGates = new ArrayList<>();
        for (LanguageDescriptor l : gated) {
            for (PairDescriptor p : l.pairsOfFile()) {
                if (ordered.add(p.getUniqueId())) {
                    order.add(p);
                    forGates.add(p);
                    key.register(p.pair());
                }
            }
        }
        if (order.isEmpty() && getDescendants().stream().noneMatch(ProblemDescriptor.class::isInstance)) {
            // (invalid suite lines or manifests fail as problem tests of their own, so such a run is not green)
            discardEarlyStart();
            throw new ConfigException(SelectionChecks.noPairReason(config, this));
        }
        gateOnly = List.copyOf(forGates);
        java.util.Set<UniqueId> untested = new java.util.HashSet<>();
        forGates.forEach(p -> untested.add(p.getUniqueId()));
        Prefetcher prefetcher;
        if (early != null) {
            try {
                models = earlySetup.join();
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof RuntimeException re ? re : e;
            }
            prefetcher = early;
        } else {
            models = ModelSetup.create(config, environment, key);
            prefetcher = new Prefetcher(java.util.concurrent.CompletableFuture.completedFuture(models.evaluator()),
                    config.limits().concurrency());
        }
        early = null;
        earlySetup = null;
        model = models.model();
        stats = models.stats();
        fallback = models.fallback();
        fallbackStats = models.fallbackStats();
        AllureResults allure = config.output().allureResultsDir().map(dir -> new AllureResults(dir, model.name(),
                Map.of("K (samples)", String.valueOf(config.decoding().samples()), "temperature",
                        String.valueOf(config.decoding().temperature())), config.output().allureClean())).orElse(null);
        Baseline known = baseline;
        // each pair's Allure result is written when its answers are in (with the real start and stop of its calls),
        // so the files are written while the model works instead of after the last answer
        prefetcher.begin(order, allure == null ? Prefetcher.Evaluated.NONE
                : (pair, outcome, start, stop) -> {
                    if (!untested.contains(pair.getUniqueId())) {
                        allure.pair(pair.suiteId(), pair.getUniqueId().toString(), pair.getDisplayName(), outcome,
                                pair.knownWeak(outcome, known), start, stop);
                    }
                });
        List<String[]> gatedLanguages = new ArrayList<>();
        for (LanguageDescriptor l : gated) {
            l.getParent().filter(SuiteDescriptor.class::isInstance).map(SuiteDescriptor.class::cast)
                    .ifPresent(s -> gatedLanguages.add(new String[] {s.suiteId(), l.lang()}));
        }
        return context.withRun(prefetcher, new GateBoard(order, prefetcher, config, baseline, gatedLanguages),
                baseline, allure);
    }

    /**
     * Fails, naming the key and the directory, when a directory the run writes its results to cannot be written:
     * found before the first model call, not after every call was paid for.
     */
    private void checkOutputDirectories() {
        writable(ClpConstants.RESULTS_DIR, config.output().resultsDir());
        config.output().allureResultsDir().ifPresent(dir -> writable(ClpConstants.ALLURE_RESULTS_DIR, dir));
    }

    private static void writable(String key, Path dir) {
        try {
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.delete(java.nio.file.Files.createTempFile(dir, ".clp-write-check", ".tmp"));
        } catch (java.io.IOException e) {
            throw new ConfigException(key + ": " + dir + ": cannot write results here ("
                    + dev.clp.suite.SuiteWriter.reason(e) + "); choose a writable directory with " + key);
        }
    }

    /** Stops calls started early and closes their clients, when the run does not go ahead. */
    void discardEarlyStart() {
        if (early == null) {
            return;
        }
        early.close();
        early = null;
        earlySetup.thenAccept(ModelSetup::close);
        earlySetup = null;
    }

    @Override
    public void after(ClpExecutionContext context) {
        ClpExecutionContext.Run run = context.run();
        if (run == null) {
            return;
        }
        List<String> notWritten = new ArrayList<>();
        try {
            for (PairDescriptor p : gateOnly) {
                // asked for the gates only: recorded in run.json with the pairs that had tests
                run.record(new RunRecord.Entry(p.suiteId(), run.prefetcher().await(p)));
            }
            // closing the clients first commits the cache's queue, so a write that fails at the end is in the summary
            run.prefetcher().close();
            models.close();
        } finally {
            // reporting cannot change a verdict: Allure, run.json, gates.json and the baseline each fail alone, every
            // verdict is in the summary all the same, and the engine then fails once, naming each file and reason
            if (run.allure() != null) {
                run.allure().finish(results().allureEnvironment(), environment);
                run.allure().failure().ifPresent(notWritten::add);
            }
            results().writeResults(context, run, notWritten);
        }
        if (!notWritten.isEmpty()) {
            throw new ResultsNotWritten("every verdict is in the summary, but results could not be written: "
                    + String.join("; ", notWritten));
        }
    }

    private RunResults results() {
        return new RunResults(this, config, environment, model, stats, fallback, fallbackStats, startedAt);
    }

    /** Results (run.json, gates.json, Allure, the baseline) that could not be written; the verdicts stand. */
    static final class ResultsNotWritten extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ResultsNotWritten(String message) {
            super(message);
        }
    }
}
