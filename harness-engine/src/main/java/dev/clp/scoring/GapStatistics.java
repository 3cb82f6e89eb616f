package dev.clp.scoring;

import java.util.List;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * The paired English-minus-target accuracy gap of one language and its confidence bounds.
 *
 * <p>With one sample per side the per-pair results are a paired 2×2 table (both right, English only,
 * target only, both wrong) and the bounds are Newcombe's hybrid score interval for a difference of paired
 * proportions (Newcombe 1998, method 10), which behaves at small n and at 0 % or 100 %. With K &gt; 1
 * samples the per-pair differences of correct shares get a paired t interval.
 *
 * <p>Each bound is one-sided at level {@code 1 - alpha}: the caller passes the per-gate alpha after its
 * multiplicity correction.
 *
 * @param n graded pairs
 * @param englishAccuracy mean English correct share
 * @param targetAccuracy mean target correct share
 * @param gap English minus target
 * @param lower lower confidence bound of the gap
 * @param upper upper confidence bound of the gap
 */
public record GapStatistics(int n, double englishAccuracy, double targetAccuracy, double gap, double lower,
        double upper) {

    /** One graded pair: correct shares per side. */
    public record Graded(double english, double target) {
    }

    public static GapStatistics of(List<Graded> pairs, double alpha) {
        int n = pairs.size();
        if (n == 0) {
            return new GapStatistics(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        boolean binary = pairs.stream().allMatch(p -> isBinary(p.english()) && isBinary(p.target()));
        return binary ? newcombe(pairs, alpha) : pairedT(pairs, alpha);
    }

    public Verdict verdict(double maxGap) {
        if (n == 0) {
            return Verdict.NO_DATA;
        }
        if (lower > maxGap) {
            return Verdict.FAIL;
        }
        if (upper <= maxGap) {
            return Verdict.PASS;
        }
        return Verdict.INCONCLUSIVE;
    }

    private static boolean isBinary(double v) {
        return v == 0.0 || v == 1.0;
    }

    private static GapStatistics newcombe(List<Graded> pairs, double alpha) {
        int a = 0;
        int b = 0;
        int c = 0;
        int d = 0;
        for (Graded p : pairs) {
            boolean e = p.english() == 1.0;
            boolean t = p.target() == 1.0;
            if (e && t) {
                a++;
            } else if (e) {
                b++;
            } else if (t) {
                c++;
            } else {
                d++;
            }
        }
        int n = pairs.size();
        double z = NormalDistribution.of(0, 1).inverseSurvivalProbability(alpha);
        double p1 = (a + b) / (double) n;
        double p2 = (a + c) / (double) n;
        double[] w1 = wilson(a + b, n, z);
        double[] w2 = wilson(a + c, n, z);
        double denom = (double) (a + b) * (c + d) * (a + c) * (b + d);
        double phi = denom == 0 ? 0 : ((double) a * d - (double) b * c) / Math.sqrt(denom);
        double delta = p1 - p2;
        double lower = delta - Math.sqrt(Math.max(0, sq(p1 - w1[0]) - 2 * phi * (p1 - w1[0]) * (w2[1] - p2)
                + sq(w2[1] - p2)));
        double upper = delta + Math.sqrt(Math.max(0, sq(w1[1] - p1) - 2 * phi * (w1[1] - p1) * (p2 - w2[0])
                + sq(p2 - w2[0])));
        return new GapStatistics(n, p1, p2, delta, Math.max(-1, lower), Math.min(1, upper));
    }

    private static GapStatistics pairedT(List<Graded> pairs, double alpha) {
        int n = pairs.size();
        double sumE = 0;
        double sumT = 0;
        for (Graded p : pairs) {
            sumE += p.english();
            sumT += p.target();
        }
        double mean = (sumE - sumT) / n;
        double ss = 0;
        for (Graded p : pairs) {
            ss += sq(p.english() - p.target() - mean);
        }
        double half;
        if (n < 2) {
            half = 2.0;
        } else {
            double se = Math.sqrt(ss / (n - 1) / n);
            half = TDistribution.of(n - 1).inverseSurvivalProbability(alpha) * se;
        }
        return new GapStatistics(n, sumE / n, sumT / n, mean, Math.max(-1, mean - half), Math.min(1, mean + half));
    }

    /** Wilson score interval {lower, upper} for k successes in n at normal quantile z. */
    static double[] wilson(int k, int n, double z) {
        double p = k / (double) n;
        double z2 = z * z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    private static double sq(double v) {
        return v * v;
    }
}
