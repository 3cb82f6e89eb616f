package dev.clp.probes;

import dev.clp.probes.SearchNode.Candidate;
import dev.clp.probes.SearchNode.Expansion;
import dev.clp.probes.SeedPreparation.Prepared;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The improved level loop ({@link SearchStrategy#IMPROVED}). Candidates are graded in the target language first
 * (with early stopping) and in waves of {@value #WAVE}; a good one is verified (English rate 1, meaning kept) and
 * accepted at once, and a seed that reached its quota gets no more candidates. English answers and meaning checks
 * are spent only on candidates that would be accepted or kept in the beam, in score order. An accepted node is not
 * extended: further pairs from a seed come from other branches, not from the same pair with one more sentence.
 */
final class ImprovedStrategy implements SearchStrategy {

    private static final int WAVE = 12;

    ImprovedStrategy() {
    }

    @Override
    public String name() {
        return "improved";
    }

    @Override
    public String toString() {
        return name();
    }

    @Override
    public GeneratorSettings.Extraction extraction() {
        return GeneratorSettings.Extraction.LOCAL;
    }

    @Override
    public boolean earlyStop() {
        return true;
    }

    @Override
    public boolean checks() {
        return true;
    }

    @Override
    public void search(Search search, int batchIndex, List<Prepared> batch) {
        GeneratorSettings s = search.settings();
        List<SearchNode> queue = SearchNode.roots(batch);
        Map<Integer, Integer> perSeed = new HashMap<>();
        int maxDepth = s.depth();
        for (int level = 0; level < maxDepth && !queue.isEmpty(); level++) {
            List<Expansion> tasks = SearchNode.expansions(queue);
            List<Candidate> unaccepted = new ArrayList<>();
            for (int from = 0; from < tasks.size(); from += WAVE) {
                List<Expansion> wave = tasks.subList(from, Math.min(tasks.size(), from + WAVE)).stream()
                        .filter(t -> open(s, perSeed, t.node())).toList();
                List<Candidate> graded = new ArrayList<>();
                expandWave(search, wave).forEach(graded::add);
                graded.sort(SearchNode.RANKING);
                List<Candidate> good = new ArrayList<>();
                for (Candidate c : graded) {
                    (c.rT() <= s.acceptTarget() ? good : unaccepted).add(c);
                }
                while (!good.isEmpty()) {
                    // verify no more good candidates per seed than its quota still allows
                    List<Candidate> round = new ArrayList<>();
                    Map<Integer, Integer> taken = new HashMap<>();
                    for (Candidate c : good) {
                        int seed = c.node().seedIndex();
                        if (perSeed.getOrDefault(seed, 0) + taken.getOrDefault(seed, 0) < s.maxPerSeed()) {
                            round.add(c);
                            taken.merge(seed, 1, Integer::sum);
                        }
                    }
                    good.removeAll(round);
                    good.removeIf(c -> !open(s, perSeed, c.node()));
                    if (round.isEmpty()) {
                        break;
                    }
                    List<Boolean> verified = verifyAll(search, round, s.panel());
                    for (int i = 0; i < round.size(); i++) {
                        Candidate c = round.get(i);
                        if (verified.get(i) && open(s, perSeed, c.node()) && search.accept(batchIndex, c)) {
                            perSeed.merge(c.node().seedIndex(), 1, Integer::sum);
                            maxDepth = s.extendedDepth();
                        }
                    }
                    good.removeIf(c -> !open(s, perSeed, c.node()));
                }
            }
            unaccepted.removeIf(c -> !open(s, perSeed, c.node()));
            unaccepted.sort(SearchNode.RANKING);
            List<SearchNode> nextQueue = new ArrayList<>();
            int at = 0;
            while (nextQueue.size() < s.beamWidth() && at < unaccepted.size()) {
                List<Candidate> group = unaccepted.subList(at, Math.min(unaccepted.size(),
                        at + s.beamWidth() - nextQueue.size()));
                at += group.size();
                List<Boolean> verified = verifyAll(search, group, s.panel().subList(0, 1));
                for (int i = 0; i < group.size(); i++) {
                    if (verified.get(i)) {
                        nextQueue.add(group.get(i).node());
                    }
                }
            }
            queue = nextQueue;
        }
    }

    private static boolean open(GeneratorSettings s, Map<Integer, Integer> perSeed, SearchNode node) {
        return perSeed.getOrDefault(node.seedIndex(), 0) < s.maxPerSeed();
    }

    /**
     * The children of a wave, graded in the target language only (score as if the English rate were 1). One call
     * writes a node's distractions for all its wrong options, and one call translates all the wave's distractions;
     * an item a batched reply leaves out is asked for alone.
     */
    private static List<Candidate> expandWave(Search search, List<Expansion> wave) {
        GeneratorSettings s = search.settings();
        Map<SearchNode, List<Integer>> wrongs = new LinkedHashMap<>();
        wave.forEach(t -> wrongs.computeIfAbsent(t.node(), k -> new ArrayList<>()).add(t.wrong()));
        List<SearchNode> parents = new ArrayList<>(wrongs.keySet());
        List<List<String>> written = search.parallel(parents, n -> search.calls().distractions(n.en().question(), n.en().answerText(),
                wrongs.get(n).stream().map(w -> n.en().choices().get(w)).toList(),
                "seed " + n.seedIndex() + " depth " + (n.depth() + 1)));
        List<Expansion> items = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < parents.size(); i++) {
            List<Integer> ws = wrongs.get(parents.get(i));
            for (int j = 0; j < ws.size(); j++) {
                String d = written.get(i).get(j);
                if (d.isEmpty()) {
                    search.reject("empty-distraction");
                } else {
                    items.add(new Expansion(parents.get(i), ws.get(j)));
                    texts.add(d);
                }
            }
        }
        List<String> translated = search.calls().translations("en", s.lang(), texts, "wave");
        List<SearchNode> children = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String d = texts.get(i);
            String td = translated.get(i);
            if (td.isEmpty() || !Checks.looksLike(s.lang(), td, d)) {
                search.reject("language-identity");
                continue;
            }
            children.add(items.get(i).node().place(d, td));
        }
        return search.parallel(children, c -> {
            Panel.Rate target = search.panel().rate(s.lang(), c.target(), false, "seed " + c.seedIndex() + " depth "
                    + c.depth() + " (" + s.lang() + ")");
            return new Candidate(c, 1.0, target.value(), s.score(1.0, target.value()));
        });
    }

    /**
     * Verifies a group of candidates: the English panel for each (in parallel), then, with checks, one judge call
     * and one back-translation call for all that passed (an item a batched reply leaves out is asked alone).
     */
    private static List<Boolean> verifyAll(Search search, List<Candidate> group, List<String> members) {
        GeneratorSettings s = search.settings();
        List<Boolean> ok = new ArrayList<>(search.parallel(group, c -> {
            SearchNode n = c.node();
            Panel.Rate english = search.panel().rate("en", n.en(), true, "seed " + n.seedIndex() + " depth "
                    + n.depth() + " (en)", members);
            return english.value() >= 1.0 && english.parsed() > 0;
        }));
        if (!s.checks()) {
            return ok;
        }
        List<Integer> check = new ArrayList<>();
        for (int i = 0; i < group.size(); i++) {
            if (ok.get(i) && group.get(i).node().lastEn() != null) {
                check.add(i);
            }
        }
        if (check.isEmpty()) {
            return ok;
        }
        List<SearchNode> nodes = check.stream().map(i -> group.get(i).node()).toList();
        List<String> verdicts = search.calls().verdicts(nodes.stream().map(n -> n.seed().seed().en()).toList(),
                nodes.stream().map(n -> n.en().question()).toList());
        List<String> back = search.calls().translations(s.lang(), "en", nodes.stream().map(SearchNode::lastTarget)
                .toList(), "check");
        for (int k = 0; k < check.size(); k++) {
            Optional<Boolean> keeps = Checks.judgeKeeps(verdicts.get(k));
            if (keeps.isEmpty()) {
                search.reject("judge-unreadable");
                ok.set(check.get(k), false);
            } else if (!keeps.get()) {
                search.reject("judge");
                ok.set(check.get(k), false);
            } else if (!Checks.sameMeaning(back.get(k), nodes.get(k).lastEn())) {
                search.reject("back-translation");
                ok.set(check.get(k), false);
            }
        }
        return ok;
    }
}
