package dev.clp.probes;

import dev.clp.probes.CallLedger.Kind;
import dev.clp.probes.SearchNode.Candidate;
import dev.clp.probes.SearchNode.Expansion;
import dev.clp.probes.SeedPreparation.Prepared;
import dev.clp.suite.Side;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The published algorithm ({@link SearchStrategy#REFERENCE}, {@code run.py} and {@code eva.py} of Cross-Lingual
 * Pitfalls): every candidate is written (its own prompt, no length limit), translated on its own and graded by the
 * whole panel in English and, when all are right, in the target language, each answer read by a second call; then
 * ranked. Every candidate with English rate 1 and target rate at most {@code --accept-target} (0.4) is good and
 * extends the depth, and the good ones with target rate at most {@value #PUBLISHED_FILTER} are kept (eva.py's
 * filter) with no limit per seed; only those count towards {@code --max-per-seed} ({@code max_good}), and a seed that
 * reached it leaves the queue. A candidate with target rate 0 is not extended. No check but the panel's.
 */
final class ReferenceStrategy implements SearchStrategy {

    /** The target rate at or below which eva.py keeps a pair: the published data set holds only these. */
    static final double PUBLISHED_FILTER = 0.2;

    ReferenceStrategy() {
    }

    @Override
    public String name() {
        return "reference";
    }

    @Override
    public String toString() {
        return name();
    }

    @Override
    public GeneratorSettings.Extraction extraction() {
        return GeneratorSettings.Extraction.MODEL;
    }

    @Override
    public boolean earlyStop() {
        return false;
    }

    @Override
    public boolean checks() {
        return false;
    }

    @Override
    public void search(Search search, int batchIndex, List<Prepared> batch) {
        GeneratorSettings s = search.settings();
        List<SearchNode> queue = SearchNode.roots(batch);
        Map<Integer, Integer> good = new HashMap<>();
        int maxDepth = s.depth();
        for (int level = 0; level < maxDepth && !queue.isEmpty(); level++) {
            List<Expansion> tasks = SearchNode.expansions(queue);
            List<Optional<Candidate>> results = search.parallel(tasks, t -> expand(search, t.node(), t.wrong()));
            List<Candidate> kept = new ArrayList<>();
            results.forEach(r -> r.filter(c -> c.rE() >= 1.0).ifPresent(kept::add));
            kept.sort(SearchNode.RANKING);
            List<Candidate> next = new ArrayList<>(kept);
            for (Candidate c : kept) {
                if (c.rT() > s.acceptTarget()) {
                    continue;
                }
                maxDepth = s.extendedDepth();
                if (c.rT() <= PUBLISHED_FILTER + 1e-9) {
                    if (search.accept(batchIndex, c)) {
                        good.merge(c.node().seedIndex(), 1, Integer::sum);
                    }
                } else {
                    search.reject("published-filter");
                }
                if (c.rT() == 0) {
                    next.remove(c);
                }
            }
            next.removeIf(c -> good.getOrDefault(c.node().seedIndex(), 0) >= s.maxPerSeed());
            queue = new ArrayList<>();
            for (Candidate c : next.subList(0, Math.min(next.size(), s.beamWidth()))) {
                queue.add(c.node());
            }
        }
    }

    /** A node with one more distraction, written for wrong option {@code w}, translated and placed. */
    private static Optional<SearchNode> child(Search search, SearchNode node, int w) {
        GeneratorSettings s = search.settings();
        Side en = node.en();
        String label = "seed " + node.seedIndex() + " depth " + (node.depth() + 1);
        String reply = search.ledger().ask(search.model(s.writer()), Kind.DISTRACTION, Prompts.referenceDistraction(en.question(),
                en.choices().get(w)), s.distractionTemperature(), Panel.REFERENCE_TOKENS, label + " distraction", "en").text();
        String d = BatchedCalls.distractionText(reply);
        if (d.isEmpty()) {
            search.reject("empty-distraction");
            return Optional.empty();
        }
        String td = search.ledger().ask(search.model(s.translator()), Kind.TRANSLATION,
                Prompts.translateText("en", s.lang(), d), 0.01, Panel.REFERENCE_TOKENS, label + " translation",
                s.lang()).text().strip();
        if (td.isEmpty() || s.checks() && !Checks.looksLike(s.lang(), td, d)) {
            search.reject("language-identity");
            return Optional.empty();
        }
        return Optional.of(node.place(d, td));
    }

    /** One child of a node: a distraction for wrong option {@code w}, translated, placed, and graded by the panel. */
    private static Optional<Candidate> expand(Search search, SearchNode node, int w) {
        Optional<SearchNode> made = child(search, node, w);
        if (made.isEmpty()) {
            return Optional.empty();
        }
        GeneratorSettings s = search.settings();
        SearchNode child = made.get();
        String label = "seed " + child.seedIndex() + " depth " + child.depth();
        Panel.Rate english = search.panel().rate("en", child.en(), child.en().answerText(), true, label + " (en)");
        if (english.value() < 1.0) {
            return Optional.of(new Candidate(child, english.value(), Double.NaN, Double.NEGATIVE_INFINITY));
        }
        Panel.Rate target = search.panel().rate(s.lang(), child.target(), child.seed().targetAnswer(), false,
                label + " (" + s.lang() + ")");
        return Optional.of(new Candidate(child, 1.0, target.value(), s.score(1.0, target.value())));
    }
}
