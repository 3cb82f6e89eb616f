package dev.clp.scoring;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Holm's step-down procedure: controls the family-wise error rate at alpha for any dependence between the
 * tests, and rejects at least what Bonferroni rejects.
 */
final class Holm {

    private Holm() {
    }

    /** Holm-adjusted p-values, in the order given; a hypothesis is rejected at alpha when its value is at most alpha. */
    public static double[] adjust(double[] p) {
        int m = p.length;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        double[] adjusted = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            int i = order[rank];
            running = Math.max(running, Math.min(1.0, (m - rank) * p[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }
}
