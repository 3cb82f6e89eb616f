package dev.clp.engine;

import dev.clp.config.ClpConfig;
import dev.clp.config.ConfigException;
import dev.clp.model.AnswerKey;
import dev.clp.model.ModelClient;
import dev.clp.model.ModelClients;
import dev.clp.scoring.PairEvaluator;
import dev.clp.scoring.RunCollector;
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

    private final ClpConfig config;
    private final ConfigException configError;
    private final Map<String, String> environment;
    private ModelClient model;
    private Instant startedAt;

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

    @Override
    public ClpExecutionContext before(ClpExecutionContext context) {
        if (getChildren().isEmpty()) {
            // nothing selected for this engine (e.g. Surefire handing it class selectors): no model, no run.json
            return context;
        }
        if (configError != null) {
            throw configError;
        }
        startedAt = Instant.now();
        List<PairDescriptor> order = new ArrayList<>();
        int[] gates = {0};
        AnswerKey key = new AnswerKey();
        accept(d -> {
            if (d instanceof PairDescriptor p && config.includesLanguage(p.pair().lang())) {
                order.add(p);
                key.register(p.pair());
            } else if (d instanceof GateDescriptor g && config.includesLanguage(g.lang())) {
                gates[0]++;
            }
        });
        model = ModelClients.create(config, environment, key);
        PairEvaluator evaluator = new PairEvaluator(model, config.samples(), config.temperature(), config.maxTokens());
        Prefetcher prefetcher = new Prefetcher(order, evaluator, config.concurrency());
        double alphaPerGate = config.alpha() / Math.max(1, gates[0]);
        return context.withRun(prefetcher, new RunCollector(), alphaPerGate);
    }

    @Override
    public void after(ClpExecutionContext context) {
        if (context.prefetcher() != null) {
            context.prefetcher().close();
        }
        if (model != null) {
            model.close();
        }
        RunCollector collector = context.collector();
        if (collector == null) {
            return;
        }
        Map<String, String> suites = new LinkedHashMap<>();
        for (TestDescriptor child : getChildren()) {
            if (child instanceof SuiteDescriptor s) {
                suites.put(s.suiteId(), s.suiteVersion());
            }
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("samples", config.samples());
        settings.put("temperature", config.temperature());
        settings.put("maxGap", config.maxGap());
        settings.put("alpha", config.alpha());
        settings.put("alphaPerGate", context.alphaPerGate());
        settings.put("failOn", config.failOn().name().toLowerCase(java.util.Locale.ROOT));
        settings.put("concurrency", config.concurrency());
        settings.put("languages", config.languages().isEmpty() ? "all" : String.join(",", config.languages()));
        Instant finishedAt = Instant.now();
        RunRecord record = new RunRecord(model.name(), model.simulated(), startedAt, finishedAt, settings, suites,
                collector.summaries(), collector.allOutcomes());
        Path written = record.write(config.resultsDir());
        String table = SummaryTable.render(model.name(), model.simulated(), collector.summaries(),
                written.toAbsolutePath().normalize().toString(), java.time.Duration.between(startedAt, finishedAt));
        context.listener().reportingEntryPublished(this, ReportEntry.from(Map.of(SUMMARY_KEY, table,
                RESULTS_KEY, written.toAbsolutePath().normalize().toString())));
    }
}
