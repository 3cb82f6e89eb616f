package dev.clp.probes;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Every knob of a generator run. Built with {@link #builder()}, which holds the defaults (the published ones, and the
 * strategy's own for extraction, early stopping and checks) in one place; {@link #toBuilder()} starts from a copy.
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
public record GeneratorSettings(SearchStrategy strategy, String lang, List<String> panel, String writer, String translator,
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

    /**
     * The published defaults for a strategy; models default to the first panel member, except the reference's writer,
     * translator and reader, which default to the published roles ({@link #role}).
     */
    public static GeneratorSettings defaults(SearchStrategy strategy, String lang, List<String> panel) {
        return builder().strategy(strategy).lang(lang).panel(panel).build();
    }

    /** A builder with every default: improved strategy, the published search parameters, today's date (UTC). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings, to change some of them. */
    public Builder toBuilder() {
        return new Builder().strategy(strategy).lang(lang).panel(panel).writer(writer).translator(translator)
                .judge(judge).extractor(extractor).holdout(holdout).beamWidth(beamWidth).depth(depth)
                .extendedDepth(extendedDepth).maxPerSeed(maxPerSeed).batchSize(batchSize).acceptTarget(acceptTarget)
                .distractionTemperature(distractionTemperature).score(score).gamma(gamma).extraction(extraction)
                .earlyStop(earlyStop).checks(checks).nearDuplicate(nearDuplicate).maxSeeds(maxSeeds)
                .maxCalls(maxCalls).maxCost(maxCost).concurrency(concurrency).date(date);
    }

    /**
     * Settings built step by step; what is not set keeps its default. The models default to the first panel member
     * (the reference's writer, translator and reader to their published roles, {@link GeneratorSettings#role})
     * (the judge to the translator); extraction, early stopping and checks to the strategy's. {@link #build} checks
     * the values, naming the flag of one that is out of range.
     */
    public static final class Builder {
        private SearchStrategy strategy = SearchStrategy.IMPROVED;
        private String lang;
        private List<String> panel = List.of();
        private String writer;
        private String translator;
        private String judge;
        private String extractor;
        private List<String> holdout = List.of();
        private int beamWidth = 12;
        private int depth = 4;
        private int extendedDepth = 6;
        private int maxPerSeed = 3;
        private int batchSize = 4;
        private double acceptTarget = 0.4;
        private double distractionTemperature = 0.7;
        private Score score = Score.REWARD;
        private double gamma = 2.0;
        private Extraction extraction;
        private Boolean earlyStop;
        private Boolean checks;
        private double nearDuplicate = 0.8;
        private int maxSeeds;
        private long maxCalls;
        private double maxCost;
        private int concurrency = 8;
        private String date;

        private Builder() {
        }

        /** The strategy (improved). */
        public Builder strategy(SearchStrategy value) {
            this.strategy = value;
            return this;
        }

        /** The target language tag (required). */
        public Builder lang(String value) {
            this.lang = value;
            return this;
        }

        /** The panel (required, at least one model). */
        public Builder panel(List<String> value) {
            this.panel = new ArrayList<>(value);
            return this;
        }

        /** The distraction writer (the first panel member). */
        public Builder writer(String value) {
            this.writer = value;
            return this;
        }

        /** The translator (the first panel member). */
        public Builder translator(String value) {
            this.translator = value;
            return this;
        }

        /** The meaning judge (the translator). */
        public Builder judge(String value) {
            this.judge = value;
            return this;
        }

        /** The answer reader under {@link Extraction#MODEL} (the first panel member). */
        public Builder extractor(String value) {
            this.extractor = value;
            return this;
        }

        /** The held-out validation models (none). */
        public Builder holdout(List<String> value) {
            this.holdout = new ArrayList<>(value);
            return this;
        }

        /** Candidates kept per level (12). */
        public Builder beamWidth(int value) {
            this.beamWidth = value;
            return this;
        }

        /** Levels searched (4). */
        public Builder depth(int value) {
            this.depth = value;
            return this;
        }

        /** Levels once a pair is accepted (6). */
        public Builder extendedDepth(int value) {
            this.extendedDepth = value;
            return this;
        }

        /** Accepted pairs per seed (3). */
        public Builder maxPerSeed(int value) {
            this.maxPerSeed = value;
            return this;
        }

        /** Seeds searched together (4). */
        public Builder batchSize(int value) {
            this.batchSize = value;
            return this;
        }

        /** The target rate at or below which a candidate is accepted (0.4). */
        public Builder acceptTarget(double value) {
            this.acceptTarget = value;
            return this;
        }

        /** Temperature of the distraction writer (0.7). */
        public Builder distractionTemperature(double value) {
            this.distractionTemperature = value;
            return this;
        }

        /** The beam's score ({@link Score#REWARD}). */
        public Builder score(Score value) {
            this.score = value;
            return this;
        }

        /** Exponent of the English rate in {@link Score#V} (2). */
        public Builder gamma(double value) {
            this.gamma = value;
            return this;
        }

        /** How panel answers are read (the strategy's). */
        public Builder extraction(Extraction value) {
            this.extraction = value;
            return this;
        }

        /** Early stopping in the panel (the strategy's). */
        public Builder earlyStop(boolean value) {
            this.earlyStop = value;
            return this;
        }

        /** The meaning, alignment and language-identity checks (the strategy's). */
        public Builder checks(boolean value) {
            this.checks = value;
            return this;
        }

        /** Word-set similarity that makes a seed a near-duplicate (0.8). */
        public Builder nearDuplicate(double value) {
            this.nearDuplicate = value;
            return this;
        }

        /** Seed questions to use at most (0: all). */
        public Builder maxSeeds(int value) {
            this.maxSeeds = value;
            return this;
        }

        /** Hard budget of model calls (0: none). */
        public Builder maxCalls(long value) {
            this.maxCalls = value;
            return this;
        }

        /** Hard budget in USD (0: none). */
        public Builder maxCost(double value) {
            this.maxCost = value;
            return this;
        }

        /** Candidates evaluated at once (8). */
        public Builder concurrency(int value) {
            this.concurrency = value;
            return this;
        }

        /** The provenance date, yyyy-mm-dd (today, UTC). */
        public Builder date(String value) {
            this.date = value;
            return this;
        }

        /**
         * The settings.
         *
         * @throws GeneratorException naming the flag of a value out of range
         */
        public GeneratorSettings build() {
            Objects.requireNonNull(strategy, "strategy");
            String first = panel.isEmpty() ? "" : panel.get(0);
            boolean published = strategy == SearchStrategy.REFERENCE;
            String tr = translator != null ? translator : published ? role(panel, "gpt-4o", first) : first;
            String wr = writer != null ? writer : published ? role(panel, "gpt-4o-mini", first) : first;
            String ex = extractor != null ? extractor : published ? role(panel, "gpt-4o-mini", first) : first;
            return new GeneratorSettings(strategy, lang, panel, wr, tr,
                    judge != null ? judge : tr, ex, holdout, beamWidth, depth,
                    extendedDepth, maxPerSeed, batchSize, acceptTarget, distractionTemperature, score, gamma,
                    extraction != null ? extraction : strategy.extraction(),
                    earlyStop != null ? earlyStop : strategy.earlyStop(), checks != null ? checks : strategy.checks(),
                    nearDuplicate, maxSeeds, maxCalls, maxCost, concurrency,
                    date != null ? date : LocalDate.now(ZoneOffset.UTC).toString());
        }
    }

    /**
     * The panel member playing a published role: the one whose model (after the provider prefix) is the model the
     * published code uses for it (writer and reader gpt-4o-mini, translator gpt-4o), any case; else the first member.
     */
    static String role(List<String> panel, String publishedModel, String otherwise) {
        for (String m : panel) {
            String model = m.substring(m.indexOf(':') + 1);
            if (model.equalsIgnoreCase(publishedModel)) {
                return m;
            }
        }
        return otherwise;
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
        return toBuilder().maxCalls(calls).maxCost(cost).build();
    }

    /** A copy evaluating this many candidates at once (not part of the fingerprint: results do not depend on it). */
    public GeneratorSettings withConcurrency(int n) {
        return toBuilder().concurrency(n).build();
    }

    /** A copy with another provenance date. */
    public GeneratorSettings withDate(String day) {
        return toBuilder().date(day).build();
    }

    /** The fields that decide which calls a run makes: a checkpoint resumes only a run with the same ones. */
    public String fingerprint(String sourceDigest) {
        return String.join("\n", "source=" + sourceDigest, "strategy=" + SearchStrategy.fingerprintName(strategy), "language=" + lang,
                "panel=" + panel, "writer=" + writer, "translator=" + translator, "judge=" + judge,
                "extractor=" + extractor, "beam-width=" + beamWidth, "depth=" + depth,
                "extended-depth=" + extendedDepth, "max-per-seed=" + maxPerSeed, "batch-size=" + batchSize,
                "accept-target=" + acceptTarget, "distraction-temperature=" + distractionTemperature,
                "score=" + score + "/" + gamma, "extraction=" + extraction, "early-stop=" + earlyStop,
                "checks=" + checks + "/" + nearDuplicate);
    }
}
