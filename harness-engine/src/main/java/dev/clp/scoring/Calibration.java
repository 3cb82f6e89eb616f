package dev.clp.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apiguardian.api.API;

/**
 * Measures the gates on seeded simulated runs of a real suite's shape: the languages and, per language, how many
 * pairs each source question has (the cluster sizes). Answers within a source question are correlated through a
 * beta-binomial model: each question draws its own probability of a right answer per side, with a chosen
 * intra-cluster correlation (ICC), and each of its pairs is then answered K times. The decision is the engine's own
 * ({@link GapStatistics}, {@link GateFamily#decide}, Holm over the run's gates).
 *
 * <p>Per scenario it reports: the share of runs with any false FAIL when every gate sits exactly at its null (the
 * promise: at most alpha), the share of runs with any PASS there (a PASS states that the gap is below the
 * threshold with simultaneous confidence 1 − alpha: nominally at most alpha, promised at most 2 %), and the power:
 * the share of gates that FAIL when the truth is {@link Settings#over()} beyond the threshold.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Calibration {

    private Calibration() {
    }

    /**
     * A suite's shape.
     *
     * @param name what it is, for the printout
     * @param clusterSizes per language, the number of pairs of each source question
     */
    public record Shape(String name, Map<String, int[]> clusterSizes) {

        /** The published Cross-Lingual Pitfalls pairs (12 languages; counts only, committed with the project). */
        public static Shape published() {
            try (InputStream in = Calibration.class.getResourceAsStream("published-cluster-sizes.json")) {
                JsonNode root = new ObjectMapper().readTree(in);
                Map<String, int[]> sizes = new LinkedHashMap<>();
                root.path("languages").properties().forEach(e -> {
                    int[] s = new int[e.getValue().size()];
                    for (int i = 0; i < s.length; i++) {
                        s[i] = e.getValue().get(i).asInt();
                    }
                    sizes.put(e.getKey(), s);
                });
                return new Shape("published Cross-Lingual Pitfalls pairs (cluster sizes committed)", sizes);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the published cluster sizes", e);
            }
        }

        /** A shape from graded-pair cluster keys per language (one entry per pair, in any order). */
        public static Shape fromClusters(String name, Map<String, List<String>> clusterKeysByLanguage) {
            Map<String, int[]> sizes = new LinkedHashMap<>();
            clusterKeysByLanguage.forEach((lang, keys) -> {
                Map<String, Integer> counts = new LinkedHashMap<>();
                keys.forEach(k -> counts.merge(k, 1, Integer::sum));
                sizes.put(lang, counts.values().stream().mapToInt(Integer::intValue).toArray());
            });
            return new Shape(name, sizes);
        }

        public int pairs() {
            return clusterSizes.values().stream().mapToInt(s -> java.util.Arrays.stream(s).sum()).sum();
        }
    }

    /** Which gates a scenario exercises. */
    public enum Gate {
        /** English minus target above the allowed gap. */
        GAP,
        /** Baseline minus candidate target accuracy above the tolerance. */
        REGRESSION
    }

    /**
     * One correlation structure.
     *
     * @param name for the printout
     * @param gate the gates of every language of the run
     * @param englishIcc intra-cluster correlation of English answers (gap) or of the baseline's answers (regression)
     * @param targetIcc intra-cluster correlation of target answers (gap) or of the candidate's answers (regression)
     * @param samples K answers per side
     * @param interaction regression only: the candidate draws its own per-question probabilities (a model ×
     *     question interaction with no average difference) instead of sharing the baseline's
     */
    public record Scenario(String name, Gate gate, double englishIcc, double targetIcc, int samples,
            boolean interaction) {
    }

    /** The scenarios {@code clp calibrate} runs by default: every null the issue tracker asked for. */
    public static List<Scenario> standardScenarios() {
        return List.of(
                new Scenario("gap, independent answers (ICC 0)", Gate.GAP, 0, 0, 1, false),
                new Scenario("gap, ICC 0.2", Gate.GAP, 0.2, 0.2, 1, false),
                new Scenario("gap, ICC 0.5", Gate.GAP, 0.5, 0.5, 1, false),
                new Scenario("gap, ICC 0.8", Gate.GAP, 0.8, 0.8, 1, false),
                new Scenario("gap, English failures cluster, target ones do not (0.8 / 0)", Gate.GAP, 0.8, 0, 1, false),
                new Scenario("gap, English failures cluster mildly (ICC 0.5 / 0)", Gate.GAP, 0.5, 0, 1, false),
                new Scenario("gap, target failures cluster, English ones do not (0 / 0.8)", Gate.GAP, 0, 0.8, 1, false),
                new Scenario("gap, K = 3, ICC 0.5", Gate.GAP, 0.5, 0.5, 3, false),
                new Scenario("gap, K = 3, English failures cluster", Gate.GAP, 0.8, 0, 3, false),
                new Scenario("regression, identical models, ICC 0.5", Gate.REGRESSION, 0.5, 0.5, 1, false),
                new Scenario("regression, model x question interaction, ICC 0.5", Gate.REGRESSION, 0.5, 0.5, 1, true),
                new Scenario("regression, identical models, K = 3", Gate.REGRESSION, 0.5, 0.5, 3, false));
    }

    /**
     * @param runs simulated runs per scenario (and as many again for the power figure)
     * @param englishAccuracy true English accuracy (gap scenarios)
     * @param baselineAccuracy the baseline's true target accuracy (regression scenarios)
     * @param maxGap the gap threshold ({@code clp.gate.max-gap})
     * @param tolerance the regression threshold ({@code clp.gate.tolerance})
     * @param alpha the family alpha
     * @param over how far beyond the threshold the truth lies in the power runs
     * @param seed random seed
     */
    public record Settings(int runs, double englishAccuracy, double baselineAccuracy, double maxGap, double tolerance, double alpha,
            double over, long seed) {
        public Settings {
            if (runs < 1) {
                throw new IllegalArgumentException("runs must be at least 1, got " + runs);
            }
        }
    }

    /**
     * What happened in one scenario.
     *
     * @param runsWithFalseFail runs (of {@code runs}) with at least one FAIL while every gate sat at its null
     * @param runsWithFalsePass runs with at least one PASS there
     * @param gatesCaught share of gates that FAILed in the power runs
     * @param runsCaught share of power runs with at least one FAIL
     */
    public record Result(Scenario scenario, int runs, int runsWithFalseFail, int runsWithFalsePass, double gatesCaught,
            double runsCaught) {

        public double falseFailRate() {
            return runsWithFalseFail / (double) runs;
        }

        public double falsePassRate() {
            return runsWithFalsePass / (double) runs;
        }

        /** Wilson 95 % interval {lower, upper} of the false-FAIL rate. */
        public double[] falseFailInterval() {
            return GapStatistics.wilson(runsWithFalseFail, runs, 1.959964);
        }
    }

    public static Result run(Shape shape, Scenario scenario, Settings settings) {
        int[] atNull = simulate(shape, scenario, settings, 0.0, settings.seed());
        int[] beyond = simulate(shape, scenario, settings, settings.over(), settings.seed() + 1);
        return new Result(scenario, settings.runs(), atNull[0], atNull[1],
                beyond[2] / ((double) settings.runs() * shape.clusterSizes().size()),
                beyond[0] / (double) settings.runs());
    }

    /** {runs with a FAIL, runs with a PASS, gates failed}. */
    private static int[] simulate(Shape shape, Scenario s, Settings settings, double over, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double threshold = s.gate() == Gate.GAP ? settings.maxGap() : settings.tolerance();
        double first = s.gate() == Gate.GAP ? settings.englishAccuracy() : settings.baselineAccuracy();
        double second = first - threshold - over;
        int languages = shape.clusterSizes().size();
        String[] names = clusterNames(shape);
        int[] counts = new int[3];
        for (int r = 0; r < settings.runs(); r++) {
            List<GateFamily.Input> gates = new ArrayList<>(languages);
            for (Map.Entry<String, int[]> language : shape.clusterSizes().entrySet()) {
                List<GapStatistics.Graded> graded = new ArrayList<>();
                int[] sizes = language.getValue();
                for (int g = 0; g < sizes.length; g++) {
                    double pFirst = clusterProbability(random, first, s.englishIcc());
                    double pSecond;
                    if (s.gate() == Gate.REGRESSION && !s.interaction()) {
                        // the same model: the candidate shares the baseline's per-question difficulty, shifted
                        pSecond = Math.max(0, Math.min(1, pFirst - (first - second)));
                    } else {
                        pSecond = clusterProbability(random, second, s.targetIcc());
                    }
                    for (int i = 0; i < sizes[g]; i++) {
                        graded.add(new GapStatistics.Graded(share(random, pFirst, s.samples()),
                                share(random, pSecond, s.samples()), names[g]));
                    }
                }
                gates.add(new GateFamily.Input("calibration", language.getKey(),
                        s.gate() == Gate.GAP ? GateFamily.Kind.GAP : GateFamily.Kind.REGRESSION,
                        GapStatistics.of(graded), threshold, settings.maxGap()));
            }
            int failed = 0;
            boolean passed = false;
            for (GateFamily.Decision d : GateFamily.decide(gates, settings.alpha())) {
                failed += d.verdict() == Verdict.FAIL ? 1 : 0;
                passed |= d.verdict() == Verdict.PASS;
            }
            counts[0] += failed > 0 ? 1 : 0;
            counts[1] += passed ? 1 : 0;
            counts[2] += failed;
        }
        return counts;
    }

    private static String[] clusterNames(Shape shape) {
        int most = shape.clusterSizes().values().stream().mapToInt(a -> a.length).max().orElse(0);
        String[] names = new String[most];
        for (int i = 0; i < most; i++) {
            names[i] = "q" + i;
        }
        return names;
    }

    /** A question's probability of a right answer: Beta with the given mean and ICC (the mean itself at ICC 0). */
    private static double clusterProbability(SplittableRandom random, double mean, double icc) {
        if (icc <= 0 || mean <= 0 || mean >= 1) {
            return mean;
        }
        double strength = (1 - icc) / icc;
        double x = gamma(random, mean * strength);
        double y = gamma(random, (1 - mean) * strength);
        return x + y > 0 ? x / (x + y) : mean;
    }

    private static double share(SplittableRandom random, double p, int samples) {
        int right = 0;
        for (int k = 0; k < samples; k++) {
            right += random.nextDouble() < p ? 1 : 0;
        }
        return right / (double) samples;
    }

    /** Marsaglia–Tsang gamma sampler (shape k, scale 1), with the k &lt; 1 boost. */
    static double gamma(SplittableRandom random, double k) {
        if (k < 1) {
            double u = random.nextDouble();
            return gamma(random, k + 1) * Math.pow(u, 1 / k);
        }
        double d = k - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x;
            double v;
            do {
                x = normal(random);
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = random.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }

    private static double normal(SplittableRandom random) {
        double u1 = random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }
}
