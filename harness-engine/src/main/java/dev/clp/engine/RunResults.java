package dev.clp.engine;

import static dev.clp.engine.ClpEngineDescriptor.BASELINE_KEY;
import static dev.clp.engine.ClpEngineDescriptor.RESULTS_KEY;
import static dev.clp.engine.ClpEngineDescriptor.SUMMARY_KEY;

import dev.clp.config.ClpConfig;
import dev.clp.config.ClpConstants;
import dev.clp.model.internal.BudgetedModelClient;
import dev.clp.run.RunSettings;
import dev.clp.run.RunUsage;
import dev.clp.model.CallStats;
import dev.clp.model.ModelClient;
import dev.clp.scoring.Baseline;
import dev.clp.scoring.FallbackExtractor;
import dev.clp.scoring.LanguageSummary;
import dev.clp.scoring.RunRecord;
import dev.clp.scoring.SummaryTable;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.reporting.ReportEntry;

/** The results of a finished run: run.json, gates.json, the baseline when asked, the summary and Allure overview. */
final class RunResults {

    private final ClpEngineDescriptor engine;
    private final ClpConfig config;
    private final Map<String, String> environment;
    private final ModelClient model;
    private final CallStats stats;
    private final FallbackExtractor fallback;
    private final CallStats fallbackStats;
    private final Instant startedAt;

    RunResults(ClpEngineDescriptor engine, ClpConfig config, Map<String, String> environment, ModelClient model,
            CallStats stats, FallbackExtractor fallback, CallStats fallbackStats, Instant startedAt) {
        this.engine = engine;
        this.config = config;
        this.environment = environment;
        this.model = model;
        this.stats = stats;
        this.fallback = fallback;
        this.fallbackStats = fallbackStats;
        this.startedAt = startedAt;
    }

    /** The engine's suites (the moved code reads them as the descriptor's children). */
    private java.util.Set<? extends TestDescriptor> getChildren() {
        return engine.getChildren();
    }

    /** What the Allure report's overview shows: never credentials (the endpoint is reduced to scheme, host and port). */
    Map<String, String> allureEnvironment() {
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
            sb.append(", cache ").append(config.cache().mode()).append(": ").append(stats.cacheHits()).append(" hits")
                    .append(stats.batchHits() > 0 ? " (" + stats.batchHits() + " answered by batches)" : "").append(", ")
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

    /** The run's record without its pairs (they are in the journal) and with the given summaries. */
    RunRecord record(ClpExecutionContext.Run run, List<LanguageSummary> summaries, Instant finishedAt) {
        Map<String, String> suites = new LinkedHashMap<>();
        for (TestDescriptor child : getChildren()) {
            if (child instanceof SuiteDescriptor s) {
                suites.put(s.suiteId(), s.suiteVersion());
            }
        }
        RunUsage usage = RunUsage.of(stats, config.cache().mode(), cacheWarnings(), fallback == null ? null
                : RunUsage.FallbackUsage.of(fallback.name(), fallback.asked(), fallback.resolved(), fallbackStats));
        boolean simulated = model.simulated() || stats.simulatedAnswers();
        return new RunRecord(model.name(), simulated, startedAt, finishedAt, RunSettings.of(config), usage, suites,
                summaries, List.of(), run.baseline() == null ? null : run.baseline().model());
    }

    /**
     * Writes run.json and gates.json (and the baseline when asked) and publishes the summary table, which always
     * carries every verdict; a file that cannot be written is added to {@code notWritten} and named in the table.
     */
    void writeResults(ClpExecutionContext context, ClpExecutionContext.Run run, List<String> notWritten) {
        List<LanguageSummary> summaries = List.copyOf(run.gates().all().values());
        Instant finishedAt = Instant.now();
        boolean simulated = model.simulated() || stats.simulatedAnswers();
        RunRecord record = record(run, summaries, finishedAt);
        Path runJson = config.output().resultsDir().resolve("run.json");
        Path written = null;
        try {
            written = ShardResults.writeRun(record, config, run.gates(), run.journal());
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
        String shown = runJson.toAbsolutePath().normalize() + (written == null ? " (NOT WRITTEN)" : "");
        java.time.Duration took = java.time.Duration.between(startedAt, finishedAt);
        StringBuilder table = new StringBuilder(config.shard().isPresent() ? dev.clp.scoring.ShardGates.table(
                model.name(), simulated, summaries, config.shard().get().toString(), shown, took)
                : SummaryTable.render(model.name(), simulated, summaries, shown, took)).append(usageLine())
                .append(PartialRecords.resumed(config, run.leftover(), stats.cacheHits()));
        notWritten.forEach(w -> table.append("NOT WRITTEN: ").append(w).append('\n'));
        entry.put(SUMMARY_KEY, table.toString());
        if (written != null) {
            entry.put(RESULTS_KEY, written.toAbsolutePath().normalize().toString());
        }
        context.listener().reportingEntryPublished(engine, ReportEntry.from(entry));
    }
}
