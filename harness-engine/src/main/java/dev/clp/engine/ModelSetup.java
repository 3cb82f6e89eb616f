package dev.clp.engine;

import dev.clp.config.ClpConfig;
import dev.clp.model.CallStats;
import dev.clp.model.ModelClient;
import dev.clp.model.ModelClients;
import dev.clp.model.spi.Questions;
import dev.clp.scoring.FallbackExtractor;
import dev.clp.scoring.PairEvaluator;
import java.util.Map;

/**
 * The model side of a run: the client under test, the optional fallback extractor's client, what each counted, and
 * the evaluator over them. Made in the engine's {@code before}, or while the suites are still read
 * ({@code clp.eager-start}).
 */
record ModelSetup(CallStats stats, ModelClient model, CallStats fallbackStats, ModelClient fallbackModel,
        FallbackExtractor fallback, PairEvaluator evaluator) implements AutoCloseable {

    /**
     * @param questions the pairs of the run, for a stand-in model (real providers do not read them)
     * @throws dev.clp.config.ConfigException or a cache exception when a client cannot be built, naming what to fix
     */
    static ModelSetup create(ClpConfig config, Map<String, String> environment, Questions questions) {
        CallStats stats = new CallStats();
        ModelClient model = ModelClients.create(config, environment, questions, stats);
        CallStats fallbackStats = null;
        ModelClient fallbackModel = null;
        FallbackExtractor fallback = null;
        if (config.extractorFallback().isPresent()) {
            fallbackStats = new CallStats();
            try {
                fallbackModel = ModelClients.create(config.forExtractorFallback(), environment, questions, fallbackStats);
            } catch (RuntimeException e) {
                model.close();
                throw e;
            }
            fallback = new FallbackExtractor(fallbackModel);
        }
        ClpConfig.Decoding asked = config.decoding();
        PairEvaluator evaluator = new PairEvaluator(model, asked.samples(), asked.temperature(), asked.maxTokens(),
                asked.structuredAnswers(), fallback);
        return new ModelSetup(stats, model, fallbackStats, fallbackModel, fallback, evaluator);
    }

    /**
     * The run's questions for an in-process stand-in that answers from them; none for a real provider, which does not
     * read them (they hold the text of every pair).
     */
    static Questions questions(ClpConfig config, RunPlan plan) {
        return answersFromQuestions(config) ? plan.questions() : new Questions();
    }

    /** Whether the run's model or extractor fallback is an in-process stand-in that answers from the questions. */
    static boolean answersFromQuestions(ClpConfig config) {
        dev.clp.model.spi.ModelProvider p = dev.clp.model.ModelClients.providers().get(config.model().spec().provider());
        return p != null && p.inProcess() || config.extractorFallback().isPresent();
    }

    @Override
    public void close() {
        try {
            model.close();
        } finally {
            if (fallbackModel != null) {
                fallbackModel.close();
            }
        }
    }
}
