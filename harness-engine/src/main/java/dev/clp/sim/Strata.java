package dev.clp.sim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The draws that decide the simulator's answers to the pairs of a suite. A pair side is right when its draw is below
 * its accuracy, so draws spread evenly over [0, 1) make the share of right answers the mean accuracy; independent
 * draws would leave it a sample, several points off on a few hundred pairs (and more with clustering).
 *
 * <p>Per stratum (the language asked and the pair's language), each side follows its source question with
 * probability sqrt(icc), decided by a hash; the sides that follow one source question share one draw, so two sides of
 * it agree more often than chance: their outcomes' correlation is icc. The shared draws of the source questions, in an
 * order fixed by a hash of the question, are spread over [0, 1) in proportion to their followers; the draws of the
 * other sides, in an order a hash gives per sample, are spread evenly over [0, 1). Each stratum's grid is shifted by a
 * hashed offset. Nothing depends on the profile: a weaker profile is right on a subset of a stronger one's right
 * answers.
 */
final class Strata {

    private static final String SEED = "clp-sim-strata-v1";

    private Strata() {
    }

    /**
     * Whether the profile answers each pair side of the list right, by its {@link AnswerKey.Entry#slot()}: right when
     * its draw is below its accuracy, then, per stratum, as many of the sides that do not follow their source question
     * turned (those whose draw is nearest their accuracy) as make the stratum's count of right answers the nearest whole
     * number to the sum of its accuracies. The follow decisions ({@link #draws}) decide the clustering; the turned
     * sides move the realized accuracy onto the expected one without touching it.
     */
    static java.util.BitSet outcomes(List<AnswerKey.Entry> sides, int sample, SimProfile profile) {
        double[] x = draws(sides, sample, profile.icc());
        double follow = Math.sqrt(Math.max(0, Math.min(1, profile.icc())));
        java.util.BitSet right = new java.util.BitSet(sides.size());
        Map<String, List<AnswerKey.Entry>> strata = new LinkedHashMap<>();
        for (AnswerKey.Entry e : sides) {
            strata.computeIfAbsent(e.lang() + '\u001f' + e.pairLang(), k -> new ArrayList<>()).add(e);
        }
        strata.forEach((stratum, entries) -> {
            double expected = 0;
            int count = 0;
            List<double[]> loose = new ArrayList<>();
            for (AnswerKey.Entry e : entries) {
                double p = profile.accuracy(e.lang(), "en".equals(e.lang()) ? e.pairLang() : e.lang(), e.distraction());
                expected += p;
                boolean r = x[e.slot()] < p;
                right.set(e.slot(), r);
                count += r ? 1 : 0;
                if (unit(stratum, "follow", e.question(), sample) >= follow) {
                    loose.add(new double[] {e.slot(), x[e.slot()] - p});
                }
            }
            long excess = count - Math.round(expected);
            boolean turnRight = excess > 0;
            // the sides nearest their threshold on the side that has too many
            loose.removeIf(d -> turnRight != d[1] < 0);
            loose.sort(Comparator.comparingDouble(d -> Math.abs(d[1])));
            for (int i = 0; i < Math.min(Math.abs(excess), loose.size()); i++) {
                right.set((int) loose.get(i)[0], !turnRight);
            }
        });
        return right;
    }

    /** The draw of every pair side of the list, by its {@link AnswerKey.Entry#slot()}. */
    static double[] draws(List<AnswerKey.Entry> sides, int sample, double icc) {
        double follow = Math.sqrt(Math.max(0, Math.min(1, icc)));
        double[] out = new double[sides.size()];
        Map<String, List<AnswerKey.Entry>> strata = new LinkedHashMap<>();
        for (AnswerKey.Entry e : sides) {
            strata.computeIfAbsent(e.lang() + '\u001f' + e.pairLang(), k -> new ArrayList<>()).add(e);
        }
        strata.forEach((stratum, entries) -> stratum(stratum, entries, sample, follow, out));
        return out;
    }

    private static void stratum(String stratum, List<AnswerKey.Entry> entries, int sample, double follow,
            double[] out) {
        Map<String, List<AnswerKey.Entry>> followers = new LinkedHashMap<>();
        List<AnswerKey.Entry> alone = new ArrayList<>();
        for (AnswerKey.Entry e : entries) {
            if (unit(stratum, "follow", e.question(), sample) < follow) {
                followers.computeIfAbsent(e.cluster(), k -> new ArrayList<>()).add(e);
            } else {
                alone.add(e);
            }
        }
        int shared = followers.values().stream().mapToInt(List::size).sum();
        Map<String, Double> order = new java.util.HashMap<>();
        followers.keySet().forEach(c -> order.put(c, unit(stratum, "cluster", c, -1)));
        List<String> clusters = new ArrayList<>(followers.keySet());
        clusters.sort(Comparator.comparingDouble((String c) -> order.get(c)).thenComparing(Comparator.naturalOrder()));
        double offset = unit(stratum, "clusters", "", -1);
        int before = 0;
        for (String c : clusters) {
            List<AnswerKey.Entry> members = followers.get(c);
            double u = frac((before + members.size() / 2.0) / shared + offset);
            members.forEach(e -> out[e.slot()] = u);
            before += members.size();
        }
        Map<Integer, Double> rank = new java.util.HashMap<>();
        alone.forEach(e -> rank.put(e.slot(), unit(stratum, "alone", e.question(), sample)));
        alone.sort(Comparator.comparingDouble((AnswerKey.Entry e) -> rank.get(e.slot()))
                .thenComparingInt(AnswerKey.Entry::slot));
        double aloneOffset = unit(stratum, "alones", "", sample);
        for (int i = 0; i < alone.size(); i++) {
            out[alone.get(i).slot()] = frac((i + 0.5) / alone.size() + aloneOffset);
        }
    }

    private static double unit(String stratum, String what, String text, int sample) {
        return Draws.unit(Draws.hash(SEED + '\u001f' + stratum + '\u001f' + what + '\u001f' + text + '\u001f' + sample),
                0);
    }

    private static double frac(double v) {
        return v - Math.floor(v);
    }
}
