package dev.clp.scoring;

import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The blocking gates of one run as one family: each gate's one-sided p-value, Holm's step-down correction
 * at the family alpha, and the zone. A gate FAILs when its Holm-adjusted p-value is at most alpha, so a
 * model that truly meets every threshold sees a false FAIL in at most alpha of runs. A gate that does not
 * fail PASSes when its upper bound at the Bonferroni level alpha / m is below the threshold, and is
 * INCONCLUSIVE otherwise. The bounds reported are the simultaneous (Bonferroni) ones.
 *
 * <p>The engine and the calibration command call this same function.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class GateFamily {

    private GateFamily() {
    }

    /** What a gate tests. */
    public enum Kind {
        /** English minus target accuracy above {@code clp.gate.max-gap}. */
        GAP,
        /** Baseline minus candidate target accuracy above {@code clp.gate.tolerance}. */
        REGRESSION
    }

    /**
     * One gate: its statistics and the largest acceptable difference.
     *
     * @param stats the statistics a FAIL is decided on (unreadable answers counted the way that lowers the difference)
     * @param detectable the difference beyond the threshold the suite should be able to detect: an INCONCLUSIVE gate
     *     whose minimum detectable effect is larger is {@linkplain Decision#underpowered() underpowered}
     * @param passStats the statistics a PASS (the upper bound) is decided on: unreadable first-side answers counted the
     *     way that raises the difference, so that neither verdict rests on answers nobody could read
     */
    public record Input(String suite, String lang, Kind kind, GapStatistics stats, double threshold,
            double detectable, GapStatistics passStats) {

        public Input(String suite, String lang, Kind kind, GapStatistics stats, double threshold, double detectable) {
            this(suite, lang, kind, stats, threshold, detectable, stats);
        }

        public Input(String suite, String lang, Kind kind, GapStatistics stats, double threshold) {
            this(suite, lang, kind, stats, threshold, threshold, stats);
        }
    }

    /**
     * A decided gate.
     *
     * @param pValue one-sided p-value for "difference at most threshold"
     * @param adjustedP Holm-adjusted p-value within the run
     * @param boundsAlpha one-sided alpha of the reported bounds (alpha / m)
     * @param lower lower bound of the difference
     * @param upper upper bound of the difference
     * @param minimumDetectableEffect how far beyond the threshold a true difference must lie to FAIL with 80 %
     *     power at boundsAlpha (clustering and the small-sample degrees of freedom included)
     * @param verdict PASS, FAIL, INCONCLUSIVE or NO_DATA
     */
    public record Decision(Input input, double pValue, double adjustedP, double boundsAlpha, double lower,
            double upper, double minimumDetectableEffect, Verdict verdict) {

        /**
         * INCONCLUSIVE on a suite too small to tell: a true difference {@link Input#detectable()} beyond the
         * threshold would not be caught with 80 % power.
         */
        public boolean underpowered() {
            return verdict == Verdict.INCONCLUSIVE && !(minimumDetectableEffect <= input.detectable());
        }
    }

    /** The power at which the minimum detectable effect is reported. */
    public static final double MDE_POWER = 0.80;

    public static List<Decision> decide(List<Input> gates, double alpha) {
        int m = (int) gates.stream().filter(g -> g.stats().n() > 0).count();
        double[] p = new double[m];
        int k = 0;
        for (Input g : gates) {
            if (g.stats().n() > 0) {
                p[k++] = g.stats().pValueAbove(g.threshold());
            }
        }
        double[] adjusted = Holm.adjust(p);
        double boundsAlpha = alpha / Math.max(1, m);
        List<Decision> out = new ArrayList<>(gates.size());
        k = 0;
        for (Input g : gates) {
            GapStatistics s = g.stats();
            if (s.n() == 0) {
                out.add(new Decision(g, Double.NaN, Double.NaN, boundsAlpha, Double.NaN, Double.NaN, Double.NaN,
                        Verdict.NO_DATA));
                continue;
            }
            double lower = s.lower(boundsAlpha);
            double upper = g.passStats().n() > 0 ? g.passStats().upper(boundsAlpha) : Double.NaN;
            Verdict v;
            if (adjusted[k] <= alpha) {
                v = Verdict.FAIL;
            } else if (upper < g.threshold()) { // strictly: NaN (nothing to bound) never passes, nor a bound on it
                v = Verdict.PASS;
            } else {
                v = Verdict.INCONCLUSIVE;
            }
            out.add(new Decision(g, p[k], adjusted[k], boundsAlpha, lower, upper,
                    s.minimumDetectableEffect(boundsAlpha, MDE_POWER, g.threshold()), v));
            k++;
        }
        return out;
    }
}
