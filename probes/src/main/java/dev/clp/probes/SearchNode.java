package dev.clp.probes;

import dev.clp.probes.SeedPreparation.Prepared;
import dev.clp.suite.Side;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A point in the search: a seed with the distraction text around its question, on both sides.
 *
 * @param lastEn the distraction added last (null at a root)
 * @param lastTarget its translation
 */
record SearchNode(Prepared seed, String pre, String suf, String tpre, String tsuf, int depth, String lastEn,
        String lastTarget) {

    /** A node to extend with a distraction for its wrong option {@code wrong}. */
    record Expansion(SearchNode node, int wrong) {
    }

    /** A graded node: its English and target rates and its score. */
    record Candidate(SearchNode node, double rE, double rT, double value) {
    }

    /** Best score first; ties in seed and question order, so that the search is deterministic. */
    static final Comparator<Candidate> RANKING = Comparator.comparingDouble(Candidate::value).reversed()
            .thenComparing(c -> c.node().order());

    Side en() {
        return new Side(join(pre, seed.seed().en().question(), suf), seed.seed().en().choices(), seed.seed().en().answer());
    }

    Side target() {
        return new Side(join(tpre, seed.target().question(), tsuf), seed.target().choices(), seed.target().answer());
    }

    /** The seed question's position in the source. */
    int seedIndex() {
        return seed.seed().index();
    }

    String order() {
        return String.format(Locale.ROOT, "%08d|%s", seed.seed().index(), en().question());
    }

    /** The search's starting points: each seed without distraction. */
    static List<SearchNode> roots(List<Prepared> batch) {
        List<SearchNode> queue = new ArrayList<>();
        for (Prepared p : batch) {
            queue.add(new SearchNode(p, "", "", "", "", 0, null, null));
        }
        return queue;
    }

    /** One expansion per queued node and wrong option, in queue order. */
    static List<Expansion> expansions(List<SearchNode> queue) {
        List<Expansion> tasks = new ArrayList<>();
        for (SearchNode node : queue) {
            Side en = node.seed.seed().en();
            for (int w = 0; w < en.choices().size(); w++) {
                if (w != en.answer()) {
                    tasks.add(new Expansion(node, w));
                }
            }
        }
        return tasks;
    }

    /** This node with distraction {@code d} (translated {@code td}): before the question when odd, after when even. */
    SearchNode place(String d, String td) {
        return d.length() % 2 == 1
                ? new SearchNode(seed, join(d, pre), suf, join(td, tpre), tsuf, depth + 1, d, td)
                : new SearchNode(seed, pre, join(suf, d), tpre, join(tsuf, td), depth + 1, d, td);
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + " " + b;
    }

    private static String join(String a, String b, String c) {
        return join(join(a, b), c);
    }
}
