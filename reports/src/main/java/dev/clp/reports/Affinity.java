package dev.clp.reports;

import dev.clp.run.RunDocument;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Language affinity from shared weaknesses. For two languages a and b, over the source questions graded in both
 * (same English question, English answered right): the relative affinity is the lift
 * {@code P(weak in b | weak in a) / P(weak in b) = |Wa ∩ Wb| · n / (|Wa| · |Wb|)}: 1 when the two languages fail
 * on unrelated questions, above 1 when they tend to fail on the same ones. The languages are ordered by
 * average-linkage clustering on the distance {@code 1 / (1 + affinity)}, so related languages sit together in
 * the heatmap. Cells with fewer than {@value #MIN_SHARED} shared questions, or no weak pair on a side, are empty.
 */
final class Affinity {

    static final int MIN_SHARED = 5;

    private Affinity() {
    }

    static Map<String, Object> of(List<RunDocument> runs, List<String> languages) {
        Map<String, RunReport.Questions> questions = RunReport.questions(runs);
        List<String> langs = languages.stream().filter(questions::containsKey).toList();
        int n = langs.size();
        double[][] lift = new double[n][n];
        int[][] shared = new int[n][n];
        for (int i = 0; i < n; i++) {
            lift[i][i] = Double.NaN;
            for (int j = i + 1; j < n; j++) {
                RunReport.Questions a = questions.get(langs.get(i));
                RunReport.Questions b = questions.get(langs.get(j));
                Set<String> common = new HashSet<>(a.graded());
                common.retainAll(b.graded());
                Set<String> wa = new HashSet<>(a.weak());
                wa.retainAll(common);
                Set<String> wb = new HashSet<>(b.weak());
                wb.retainAll(common);
                Set<String> both = new HashSet<>(wa);
                both.retainAll(wb);
                shared[i][j] = shared[j][i] = both.size();
                double v = common.size() < MIN_SHARED || wa.isEmpty() || wb.isEmpty() ? Double.NaN
                        : both.size() * (double) common.size() / (wa.size() * (double) wb.size());
                lift[i][j] = lift[j][i] = v;
            }
        }
        List<Integer> order = cluster(lift);
        List<String> ordered = new ArrayList<>();
        List<List<Double>> matrix = new ArrayList<>();
        List<List<Integer>> sharedOrdered = new ArrayList<>();
        for (int i : order) {
            ordered.add(langs.get(i));
            List<Double> row = new ArrayList<>();
            List<Integer> srow = new ArrayList<>();
            for (int j : order) {
                row.add(Double.isNaN(lift[i][j]) ? null : Math.round(lift[i][j] * 100) / 100.0);
                srow.add(shared[i][j]);
            }
            matrix.add(row);
            sharedOrdered.add(srow);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("definition", "lift of shared weak pairs: |Wa ∩ Wb| · n / (|Wa| · |Wb|) over the source questions graded "
                + "in both languages (1 = unrelated); order: average-linkage clustering on 1 / (1 + lift)");
        m.put("languages", ordered);
        m.put("matrix", matrix);
        m.put("sharedWeak", sharedOrdered);
        return m;
    }

    /** Leaf order of average-linkage agglomerative clustering (ties: lower index first). */
    static List<Integer> cluster(double[][] lift) {
        int n = lift.length;
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                d[i][j] = i == j ? 0 : Double.isNaN(lift[i][j]) ? 1.0 : 1.0 / (1.0 + lift[i][j]);
            }
        }
        List<List<Integer>> clusters = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            clusters.add(new ArrayList<>(List.of(i)));
        }
        while (clusters.size() > 1) {
            int bestA = 0;
            int bestB = 1;
            double best = Double.MAX_VALUE;
            for (int a = 0; a < clusters.size(); a++) {
                for (int b = a + 1; b < clusters.size(); b++) {
                    double sum = 0;
                    for (int x : clusters.get(a)) {
                        for (int y : clusters.get(b)) {
                            sum += d[x][y];
                        }
                    }
                    double avg = sum / (clusters.get(a).size() * clusters.get(b).size());
                    if (avg < best - 1e-12) {
                        best = avg;
                        bestA = a;
                        bestB = b;
                    }
                }
            }
            clusters.get(bestA).addAll(clusters.remove(bestB));
        }
        return clusters.isEmpty() ? List.of() : clusters.get(0);
    }
}
