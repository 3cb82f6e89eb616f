package dev.clp.scoring;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * A paired difference of correct shares over pairs, with its confidence bounds and tests. The gap gate
 * uses it with (English, target) per pair; the regression gate with (baseline target, candidate target).
 *
 * <p>With one sample per side the pairs form a 2×2 table (both right, first only, second only, both
 * wrong) and the bounds are Newcombe's hybrid score interval for a difference of paired proportions
 * (Newcombe 1998, method 10), which behaves at small n and at 0 % or 100 %. With K &gt; 1 samples the
 * per-pair differences get a paired t interval. When pairs share a source question (several perturbations
 * of one question) they are not independent: the variance of the mean difference is computed clustered
 * by source question and the table is shrunk by that design effect (effective n = n / deff).
 *
 * <p>Bounds are one-sided at level {@code 1 - alpha}; the caller passes alpha after its multiplicity
 * correction.
 *
 * @param n graded pairs
 * @param clusters distinct source questions among them
 * @param designEffect variance inflation from clustering, at least 1
 * @param firstAccuracy mean share right on the first side (English, or the baseline)
 * @param secondAccuracy mean share right on the second side (target, or the candidate)
 * @param difference first minus second
 */
public record GapStatistics(int n, int clusters, double designEffect, double firstAccuracy, double secondAccuracy,
        double difference, Table table, Moments moments) {

    /** One graded pair: correct shares per side, and the source question it belongs to (null: its own). */
    public record Graded(double first, double second, String cluster) {
        public Graded(double first, double second) {
            this(first, second, null);
        }
    }

    /** The paired 2×2 table, already divided by the design effect. */
    public record Table(double bothRight, double firstOnly, double secondOnly, double bothWrong) {
        double n() {
            return bothRight + firstOnly + secondOnly + bothWrong;
        }
    }

    /** Mean, standard error and degrees of freedom of the per-pair differences (for K &gt; 1). */
    public record Moments(double mean, double standardError, int degreesOfFreedom) {
    }

    private static final NormalDistribution Z = NormalDistribution.of(0, 1);

    public static GapStatistics of(List<Graded> pairs) {
        int n = pairs.size();
        if (n == 0) {
            return new GapStatistics(0, 0, 1, Double.NaN, Double.NaN, Double.NaN, null, null);
        }
        double sumFirst = 0;
        double sumSecond = 0;
        for (Graded p : pairs) {
            sumFirst += p.first();
            sumSecond += p.second();
        }
        double mean = (sumFirst - sumSecond) / n;
        Map<Object, Double> clusterSums = new HashMap<>();
        double ss = 0;
        int i = 0;
        for (Graded p : pairs) {
            double r = p.first() - p.second() - mean;
            ss += r * r;
            Object key = p.cluster() != null ? p.cluster() : Integer.valueOf(i);
            clusterSums.merge(key, r, Double::sum);
            i++;
        }
        int g = clusterSums.size();
        double deff = 1.0;
        if (g > 1 && g < n && ss > 0) {
            double clustered = clusterSums.values().stream().mapToDouble(v -> v * v).sum() * g / (g - 1.0);
            double naive = ss * n / (n - 1.0);
            deff = Math.max(1.0, clustered / naive);
        }
        boolean binary = pairs.stream().allMatch(p -> isBinary(p.first()) && isBinary(p.second()));
        Table table = null;
        if (binary) {
            int a = 0;
            int b = 0;
            int c = 0;
            int d = 0;
            for (Graded p : pairs) {
                boolean f = p.first() == 1.0;
                boolean s = p.second() == 1.0;
                if (f && s) {
                    a++;
                } else if (f) {
                    b++;
                } else if (s) {
                    c++;
                } else {
                    d++;
                }
            }
            table = new Table(a / deff, b / deff, c / deff, d / deff);
        }
        double se = n > 1 ? Math.sqrt(ss / (n - 1) / n * deff) : Double.NaN;
        int df = Math.max(1, Math.min(n, g) - 1);
        return new GapStatistics(n, g, deff, sumFirst / n, sumSecond / n, mean, table, new Moments(mean, se, df));
    }

    /** Lower one-sided confidence bound of the difference at level 1 - alpha. */
    public double lower(double alpha) {
        if (n == 0) {
            return Double.NaN;
        }
        if (table != null) {
            return newcombe(alpha)[0];
        }
        if (!(moments.standardError() > 0)) {
            return n < 2 ? -1 : difference;
        }
        return Math.max(-1, difference - TDistribution.of(moments.degreesOfFreedom()).inverseSurvivalProbability(alpha)
                * moments.standardError());
    }

    /** Upper one-sided confidence bound of the difference at level 1 - alpha. */
    public double upper(double alpha) {
        if (n == 0) {
            return Double.NaN;
        }
        if (table != null) {
            return newcombe(alpha)[1];
        }
        if (!(moments.standardError() > 0)) {
            return n < 2 ? 1 : difference;
        }
        return Math.min(1, difference + TDistribution.of(moments.degreesOfFreedom()).inverseSurvivalProbability(alpha)
                * moments.standardError());
    }

    /**
     * One-sided p-value for "the difference is at most {@code threshold}" against "it is larger": the
     * smallest alpha at which the lower bound exceeds the threshold. With one sample per side, no clustering
     * and threshold 0 this is the exact one-sided McNemar test.
     */
    public double pValueAbove(double threshold) {
        if (n == 0) {
            return 1.0;
        }
        if (table != null && threshold == 0.0 && designEffect == 1.0) {
            int b = (int) Math.round(table.firstOnly());
            int c = (int) Math.round(table.secondOnly());
            if (b + c == 0) {
                return 1.0;
            }
            return BinomialDistribution.of(b + c, 0.5).survivalProbability(b - 1);
        }
        if (table == null) {
            if (!(moments.standardError() > 0)) {
                return difference > threshold ? 0.0 : 1.0;
            }
            double t = (difference - threshold) / moments.standardError();
            return TDistribution.of(moments.degreesOfFreedom()).survivalProbability(t);
        }
        // invert the score interval: lower(alpha) grows with alpha
        if (lower(0.5) <= threshold) {
            return 1.0;
        }
        double lo = 1e-300;
        if (lower(lo) > threshold) {
            return lo;
        }
        double hi = 0.5;
        for (int k = 0; k < 200; k++) {
            double mid = Math.sqrt(lo * hi);
            if (lower(mid) > threshold) {
                hi = mid;
            } else {
                lo = mid;
            }
            if (hi / lo < 1.0 + 1e-9) {
                break;
            }
        }
        return hi;
    }

    /**
     * The smallest true difference this sample would detect with the given one-sided alpha and power
     * (normal approximation: (z_alpha + z_power) times the standard error under no difference).
     */
    public double minimumDetectableEffect(double alpha, double power) {
        if (n == 0) {
            return Double.NaN;
        }
        double k = Z.inverseSurvivalProbability(alpha) + Z.inverseCumulativeProbability(power);
        if (table != null) {
            double nEff = table.n();
            double discordant = Math.max(table.firstOnly() + table.secondOnly(), 1.0) / nEff;
            return Math.min(1.0, k * Math.sqrt(discordant / nEff));
        }
        return Math.min(1.0, k * moments.standardError());
    }

    private static boolean isBinary(double v) {
        return v == 0.0 || v == 1.0;
    }

    private double[] newcombe(double alpha) {
        double a = table.bothRight();
        double b = table.firstOnly();
        double c = table.secondOnly();
        double d = table.bothWrong();
        double nn = table.n();
        double z = Z.inverseSurvivalProbability(alpha);
        double p1 = (a + b) / nn;
        double p2 = (a + c) / nn;
        double[] w1 = wilson(a + b, nn, z);
        double[] w2 = wilson(a + c, nn, z);
        double denom = (a + b) * (c + d) * (a + c) * (b + d);
        double phi = denom == 0 ? 0 : (a * d - b * c) / Math.sqrt(denom);
        double delta = p1 - p2;
        double lower = delta - Math.sqrt(Math.max(0, sq(p1 - w1[0]) - 2 * phi * (p1 - w1[0]) * (w2[1] - p2)
                + sq(w2[1] - p2)));
        double upper = delta + Math.sqrt(Math.max(0, sq(w1[1] - p1) - 2 * phi * (w1[1] - p1) * (p2 - w2[0])
                + sq(p2 - w2[0])));
        return new double[] {Math.max(-1, lower), Math.min(1, upper)};
    }

    /** Wilson score interval {lower, upper} for k successes in n at normal quantile z. */
    static double[] wilson(double k, double n, double z) {
        double p = k / n;
        double z2 = z * z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    private static double sq(double v) {
        return v * v;
    }
}
