package dev.clp.engine;

import dev.clp.config.ClpConfig;
import dev.clp.config.ClpConstants;
import dev.clp.config.ConfigException;
import dev.clp.model.internal.BudgetedModelClient;
import dev.clp.model.spi.Questions;
import dev.clp.model.CallStats;
import dev.clp.model.ModelClient;
import dev.clp.allure.AllureResults;
import dev.clp.run.RunSettings;
import dev.clp.run.RunUsage;
import dev.clp.scoring.FallbackExtractor;
import dev.clp.scoring.Baseline;
import dev.clp.scoring.LanguageSummary;
import dev.clp.scoring.RunRecord;
import dev.clp.scoring.SummaryTable;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.ReportEntry;
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
                // HTTP clients only (startsEarly), which do not read the questions
                setup.complete(ModelSetup.create(config, environment, new Questions()));
            } catch (RuntimeException | Error e) {
                setup.completeExceptionally(e);
            }
        }, "clp-model-setup");
        builder.setDaemon(true);
        builder.start();
        earlySetup = setup;
        early = new Prefetcher(setup.thenApply(ModelSetup::evaluator), config.limits().concurrency());
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
        Questions key = new Questions();
        java.util.Set<UniqueId> ordered = new java.util.HashSet<>();
        List<LanguageDescriptor> gated = new ArrayList<>();
        accept(d -> {
            if (d instanceof PairDescriptor p && config.includesLanguage(p.pair().lang())) {
                order.add(p);
                ordered.add(p.getUniqueId());
                key.add(p.pair());
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
                    key.add(p.pair());
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
                run.allure().finish(allureEnvironment(), environment);
                run.allure().failure().ifPresent(notWritten::add);
            }
            writeResults(context, run, notWritten);
        }
        if (!notWritten.isEmpty()) {
            throw new ResultsNotWritten("every verdict is in the summary, but results could not be written: "
                    + String.join("; ", notWritten));
        }
    }

    /** What the Allure report's overview shows: never credentials (the endpoint is reduced to scheme, host and port). */
    private Map<String, String> allureEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("model", model.name() + (model.simulated() || stats.simulatedAnswers() ? " (SIMULATED)" : ""));
        config.model().endpoint().ifPresent(e -> env.put("endpoint", dev.clp.model.SafeText.origin(e)));
        for (TestDescriptor child : getChildren()) {
            if (child instanceof SuiteDescriptor s) {
                env.put("suite." + s.suiteId(), s.suiteVersion());
            }
        }
        ClpConfig.Decoding asked = config.decoding();
        ClpConfig.Gates gates = config.gates();
        env.put("samples (K)", String.valueOf(asked.samples()));
        env.put("temperature", String.valueOf(asked.temperature()));
        env.put("answer format", asked.structuredAnswers() ? "json" : "text");
        env.put("max gap", String.valueOf(gates.maxGap()));
        gates.maxGapByLanguage().forEach((lang, gap) -> env.put("max gap." + lang, String.valueOf(gap)));
        env.put("tolerance", String.valueOf(gates.tolerance()));
        env.put("alpha", String.valueOf(gates.alpha()));
        env.put("fail on", gates.failOn().name().toLowerCase(java.util.Locale.ROOT));
        String commit = environment.getOrDefault("GITHUB_SHA", environment.get("CLP_GIT_COMMIT"));
        if (commit != null) {
            env.put("git commit", commit);
        }
        return env;
    }

    /** One line on what the model layer did, for HTTP providers. */
    private String usageLine() {
        if (model.simulated()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("model calls: ").append(stats.calls());
        double span = stats.callSpan().toNanos() / 1e9;
        if (stats.calls() > 1 && span > 0) {
            sb.append(String.format(java.util.Locale.ROOT, " in %.1f s (%.0f/s", span, stats.calls() / span));
            stats.firstCallAfterStart().ifPresent(d -> sb.append(String.format(java.util.Locale.ROOT,
                    ", the first %.2f s after the JVM started", d.toNanos() / 1e9)));
            sb.append(')');
        }
        if (stats.retries() > 0) {
            sb.append(" (").append(stats.retries()).append(" retries: ");
            stats.retriesByCause().forEach((cause, n) -> sb.append(cause).append(" x").append(n).append(' '));
            sb.setLength(sb.length() - 1);
            sb.append(')');
        }
        if (stats.limitCuts() > 0) {
            sb.append(", concurrency cut ").append(stats.limitCuts()).append(" times on 429");
        }
        if (!"off".equals(config.cache().mode())) {
            sb.append(", cache ").append(config.cache().mode()).append(": ").append(stats.cacheHits()).append(" hits, ")
                    .append(stats.cacheMisses()).append(" misses");
        }
        sb.append(", tokens in/out ").append(stats.promptTokens()).append('/').append(stats.completionTokens());
        if (fallback != null) {
            sb.append(", fallback extractor ").append(fallback.name()).append(": ").append(fallback.resolved())
                    .append(" of ").append(fallback.asked()).append(" unparseable answers resolved (")
                    .append(fallbackStats.calls()).append(" calls)");
        }
        BudgetedModelClient ledger = stats.ledger();
        if (ledger != null && ledger.cost() > 0) {
            sb.append(String.format(java.util.Locale.ROOT, ", cost $%.4f", ledger.cost()));
        }
        if (ledger != null && ledger.exhausted() != null) {
            sb.append("\nBUDGET: ").append(ledger.exhausted()).append("; the pairs after it were not run (results so far kept)");
        }
        if (stats.stopped() != null) {
            sb.append("\nSTOPPED: ").append(stats.stopped()).append("; the pairs not yet asked ended as errors");
        }
        cacheWarnings().forEach(w -> sb.append("\nCACHE: ").append(w));
        sb.append('\n');
        return sb.toString();
    }

    /** The response caches' warnings (the model's and the fallback extractor's share one file): one line each. */
    private java.util.Set<String> cacheWarnings() {
        java.util.Set<String> warnings = new java.util.LinkedHashSet<>();
        stats.cacheWarning().ifPresent(warnings::add);
        if (fallbackStats != null) {
            fallbackStats.cacheWarning().ifPresent(warnings::add);
        }
        return warnings;
    }

    /** Results (run.json, gates.json, Allure, the baseline) that could not be written; the verdicts stand. */
    static final class ResultsNotWritten extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ResultsNotWritten(String message) {
            super(message);
        }
    }

    /**
     * Writes run.json and gates.json (and the baseline when asked) and publishes the summary table, which always
     * carries every verdict; a file that cannot be written is added to {@code notWritten} and named in the table.
     */
    private void writeResults(ClpExecutionContext context, ClpExecutionContext.Run run, List<String> notWritten) {
        Map<String, String> suites = new LinkedHashMap<>();
        for (TestDescriptor child : getChildren()) {
            if (child instanceof SuiteDescriptor s) {
                suites.put(s.suiteId(), s.suiteVersion());
            }
        }
        List<LanguageSummary> summaries = List.copyOf(run.gates().all().values());
        Instant finishedAt = Instant.now();
        RunUsage usage = RunUsage.of(stats, config.cache().mode(), cacheWarnings(), fallback == null ? null
                : RunUsage.FallbackUsage.of(fallback.name(), fallback.asked(), fallback.resolved(), fallbackStats));
        boolean simulated = model.simulated() || stats.simulatedAnswers();
        RunRecord record = new RunRecord(model.name(), simulated, startedAt, finishedAt, RunSettings.of(config), usage, suites,
                summaries, run.recorded(), run.baseline() == null ? null : run.baseline().model());
        Path runJson = config.output().resultsDir().resolve("run.json");
        Path written = null;
        try {
            written = record.write(config.output().resultsDir());
        } catch (java.io.UncheckedIOException e) {
            notWritten.add(e.getMessage());
        }
        Map<String, String> entry = new LinkedHashMap<>();
        if (written == null && config.gates().baselineUpdate()) {
            notWritten.add(ClpConstants.BASELINE + ": " + config.gates().baseline().get()
                    + ": not updated, as it is made from run.json");
        } else if (written != null && config.gates().baselineUpdate()) {
            try {
                Path baselineFile = Baseline.fromRun(written).write(config.gates().baseline().get());
                entry.put(BASELINE_KEY, baselineFile.toAbsolutePath().normalize().toString());
            } catch (java.io.UncheckedIOException e) {
                notWritten.add(ClpConstants.BASELINE + ": " + e.getMessage());
            }
        }
        StringBuilder table = new StringBuilder(SummaryTable.render(model.name(), simulated, summaries,
                runJson.toAbsolutePath().normalize() + (written == null ? " (NOT WRITTEN)" : ""),
                java.time.Duration.between(startedAt, finishedAt))).append(usageLine());
        notWritten.forEach(w -> table.append("NOT WRITTEN: ").append(w).append('\n'));
        entry.put(SUMMARY_KEY, table.toString());
        if (written != null) {
            entry.put(RESULTS_KEY, written.toAbsolutePath().normalize().toString());
        }
        context.listener().reportingEntryPublished(this, ReportEntry.from(entry));
    }
}
