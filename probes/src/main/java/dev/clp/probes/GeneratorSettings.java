package dev.clp.probes;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Every knob of a generator run; the defaults are the published ones ({@link #defaults}).
 *
 * @param strategy reference or improved
 * @param lang target language tag
 * @param panel panel models ({@code provider:model}); the English rate must be 1.0 over them
 * @param writer the model that writes distractions
 * @param translator the model that translates (and back-translates)
 * @param judge the model that checks a perturbation's meaning (improved)
 * @param extractor the model that reads answers under {@link Extraction#MODEL}
 * @param holdout validation models outside the panel, asked about accepted pairs only
 * @param beamWidth candidates kept per level (12)
 * @param depth levels searched (4) ...
 * @param extendedDepth ... extended to this once a good pair appears (6)
 * @param maxPerSeed accepted pairs per seed question (3)
 * @param batchSize seed questions searched together (4)
 * @param acceptTarget accept when the English rate is 1 and the target rate is at most this (0.4)
 * @param distractionTemperature temperature of the distraction writer (0.7)
 * @param score the beam's score
 * @param gamma exponent of the English rate in {@link Score#V}
 * @param extraction how panel answers are read
 * @param earlyStop stop asking the panel once a candidate's fate is known
 * @param checks the meaning, alignment and language-identity checks and near-duplicate detection
 * @param nearDuplicate word-set similarity at or above which a seed counts as a near-duplicate (0.8)
 * @param maxSeeds seed questions to use at most (0: all)
 * @param maxCalls hard budget of model calls (0: none)
 * @param maxCost hard budget in USD from the configured prices (0: none)
 * @param concurrency candidates evaluated at once
 * @param date the date written into provenance (yyyy-mm-dd)
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record GeneratorSettings(Strategy strategy, String lang, List<String> panel, String writer, String translator,
        String judge, String extractor, List<String> holdout, int beamWidth, int depth, int extendedDepth,
        int maxPerSeed, int batchSize, double acceptTarget, double distractionTemperature, Score score, double gamma,
        Extraction extraction, boolean earlyStop, boolean checks, double nearDuplicate, int maxSeeds, long maxCalls,
        double maxCost, int concurrency, String date) {

    /** The beam's score of a candidate with English rate rE and target rate rT. */
    public enum Score {
        /** The published reward log(1 + rE² / (rT² + 0.001)) − 20 (1 − rE)³. */
        REWARD,
        /** The paper's V = rE^γ − rT. */
        V
    }

    /** How panel answers are read. */
    public enum Extraction {
        /** The harness's layered extractor: one call per graded answer. */
        LOCAL,
        /** A second call to the extractor model per answer, as the published code does. */
        MODEL
    }

    public GeneratorSettings {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(lang, "lang");
        panel = List.copyOf(panel);
        holdout = List.copyOf(holdout);
        if (panel.isEmpty()) {
            throw new GeneratorException("--panel: at least one model is needed");
        }
        positive("--beam-width", beamWidth);
        positive("--depth", depth);
        positive("--max-per-seed", maxPerSeed);
        positive("--batch-size", batchSize);
        positive("--concurrency", concurrency);
        if (extendedDepth < depth) {
            throw new GeneratorException("--extended-depth " + extendedDepth + " is below --depth " + depth);
        }
        if (acceptTarget < 0 || acceptTarget >= 1) {
            throw new GeneratorException("--accept-target " + acceptTarget + ": must be in [0, 1)");
        }
        if (nearDuplicate <= 0 || nearDuplicate > 1) {
            throw new GeneratorException("--near-duplicate " + nearDuplicate + ": must be in (0, 1]");
        }
        if ("en".equals(lang)) {
            throw new GeneratorException("--language en: the target must be another language than English");
        }
    }

    /** The published defaults for a strategy; models default to the first panel member. */
    public static GeneratorSettings defaults(Strategy strategy, String lang, List<String> panel) {
        boolean improved = strategy == Strategy.IMPROVED;
        String first = panel.isEmpty() ? "" : panel.get(0);
        return new GeneratorSettings(strategy, lang, panel, first, first, first, first, List.of(), 12, 4, 6, 3, 4, 0.4,
                0.7, Score.REWARD, 2.0, improved ? Extraction.LOCAL : Extraction.MODEL, improved, improved, 0.8, 0, 0,
                0, 8, java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString());
    }

    /**
     * The models a run with these settings asks: the panel, the writer and the translator, the judge when the checks
     * are on, the extractor under {@link Extraction#MODEL}, and the held-out models; each once, in that order.
     */
    public java.util.Set<String> models() {
        java.util.Set<String> all = new java.util.LinkedHashSet<>(panel);
        all.add(writer);
        all.add(translator);
        if (checks) {
            all.add(judge);
        }
        if (extraction == Extraction.MODEL) {
            all.add(extractor);
        }
        all.addAll(holdout);
        return all;
    }

    /** The score of a candidate. */
    public double score(double rE, double rT) {
        if (score == Score.V) {
            return Math.pow(rE, gamma) - rT;
        }
        return Math.log(1 + (rE * rE) / (rT * rT + 0.001)) - 20 * Math.pow(1 - rE, 3);
    }

    private static void positive(String flag, int value) {
        if (value <= 0) {
            throw new GeneratorException(flag + " " + value + ": must be at least 1");
        }
    }

    /** A copy with other hard budgets (0: none). */
    public GeneratorSettings withBudget(long calls, double cost) {
        return new GeneratorSettings(strategy, lang, panel, writer, translator, judge, extractor, holdout, beamWidth,
                depth, extendedDepth, maxPerSeed, batchSize, acceptTarget, distractionTemperature, score, gamma,
                extraction, earlyStop, checks, nearDuplicate, maxSeeds, calls, cost, concurrency, date);
    }

    /** A copy evaluating this many candidates at once (not part of the fingerprint: results do not depend on it). */
    public GeneratorSettings withConcurrency(int n) {
        return new GeneratorSettings(strategy, lang, panel, writer, translator, judge, extractor, holdout, beamWidth,
                depth, extendedDepth, maxPerSeed, batchSize, acceptTarget, distractionTemperature, score, gamma,
                extraction, earlyStop, checks, nearDuplicate, maxSeeds, maxCalls, maxCost, n, date);
    }

    /** A copy with another provenance date. */
    public GeneratorSettings withDate(String day) {
        return new GeneratorSettings(strategy, lang, panel, writer, translator, judge, extractor, holdout, beamWidth,
                depth, extendedDepth, maxPerSeed, batchSize, acceptTarget, distractionTemperature, score, gamma,
                extraction, earlyStop, checks, nearDuplicate, maxSeeds, maxCalls, maxCost, concurrency, day);
    }

    /** The fields that decide which calls a run makes: a checkpoint resumes only a run with the same ones. */
    public String fingerprint(String sourceDigest) {
        return String.join("\n", "source=" + sourceDigest, "strategy=" + strategy, "language=" + lang,
                "panel=" + panel, "writer=" + writer, "translator=" + translator, "judge=" + judge,
                "extractor=" + extractor, "beam-width=" + beamWidth, "depth=" + depth,
                "extended-depth=" + extendedDepth, "max-per-seed=" + maxPerSeed, "batch-size=" + batchSize,
                "accept-target=" + acceptTarget, "distraction-temperature=" + distractionTemperature,
                "score=" + score + "/" + gamma, "extraction=" + extraction, "early-stop=" + earlyStop,
                "checks=" + checks + "/" + nearDuplicate);
    }
}
