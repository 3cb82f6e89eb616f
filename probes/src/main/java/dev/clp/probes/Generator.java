package dev.clp.probes;

import dev.clp.model.BudgetExhaustedException;
import dev.clp.model.ModelClient;
import dev.clp.probes.CallLedger.Kind;
import dev.clp.probes.SeedPreparation.Prepared;
import dev.clp.scoring.Extraction;
import dev.clp.suite.Pair;
import dev.clp.suite.PairIds;
import dev.clp.suite.Perturbation;
import dev.clp.suite.Side;
import dev.clp.suite.SuiteReader;
import dev.clp.suite.SuiteWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * The beam search of Cross-Lingual Pitfalls (Xu et al., ACL 2025), as published ({@link Strategy#REFERENCE}) or
 * improved ({@link Strategy#IMPROVED}).
 *
 * <p>Seeds the whole panel answers right in English are translated and searched in batches: each level, every
 * queued candidate gets one distraction per wrong option (written, translated, put before the question when its
 * length is odd and after it when even); the panel must stay right in English, then answers the target version;
 * candidates are ranked by score, those with English rate 1 and target rate at most the threshold are accepted
 * (at most {@code maxPerSeed} per seed), and the best {@code beamWidth} go on. The depth grows from
 * {@code depth} to {@code extendedDepth} once a pair is accepted.
 *
 * <p>The search is deterministic given the models' answers, which the {@link Checkpoint} records: a rerun after a
 * kill replays them and ends with the same accepted pairs. Model failures and spent budgets stop the run; what
 * was accepted stays in the checkpoint.
 */
public final class Generator implements AutoCloseable {

    private static final int ANSWER_TOKENS = Panel.ANSWER_TOKENS;
    private static final int TEXT_TOKENS = BatchedCalls.TEXT_TOKENS;

    /** Receives progress (for a terminal bar or log lines). */
    public interface Listener {
        void progress(Progress progress);
    }

    /** Where a run is. */
    public record Progress(int seedsDone, int seedsTotal, int batches, int accepted, long calls, long replayed,
            double cost) {
    }

    /**
     * What a run did.
     *
     * @param seedsSkipped seeds not searched, by reason (english-panel, near-duplicate, translation, ...)
     * @param rejected candidates dropped by a check, by check
     * @param stoppedBy why the run stopped early (budget), if it did
     */
    public record Report(GeneratorSettings settings, int seedsRead, int seedsSearched, Map<String, Integer> seedsSkipped,
            int batches, List<Pair> accepted, long calls, long replayed, long gradedAnswers, Map<String, Long> callsByKind,
            long tokens, double cost, Map<String, Integer> rejected, Optional<String> stoppedBy) {

        /** Accepted pairs per 1,000 model calls sent (replayed answers are not calls). */
        public double acceptedPerThousandCalls() {
            return calls == 0 ? 0 : accepted.size() * 1000.0 / calls;
        }

        /** Model calls spent per graded panel answer (answer calls plus extraction calls, over graded answers). */
        public double callsPerGradedAnswer() {
            long panel = callsByKind.getOrDefault("panel-english", 0L) + callsByKind.getOrDefault("panel-target", 0L)
                    + callsByKind.getOrDefault("extraction", 0L);
            return gradedAnswers == 0 ? 0 : panel / (double) gradedAnswers;
        }
    }

    /** A point in the search: a seed with the distraction text around its question, on both sides. */
    private record Node(Prepared seed, String pre, String suf, String tpre, String tsuf, int depth, String lastEn,
            String lastTarget) {

        Side en() {
            return new Side(join(pre, seed.seed().en().question(), suf), seed.seed().en().choices(), seed.seed().en().answer());
        }

        Side target() {
            return new Side(join(tpre, seed.target().question(), tsuf), seed.target().choices(), seed.target().answer());
        }

        String order() {
            return String.format(Locale.ROOT, "%08d|%s", seed.seed().index(), en().question());
        }
    }

    /** A node to extend with a distraction for its wrong option {@code wrong}. */
    private record Expansion(Node node, int wrong) {
    }

    private record Candidate(Node node, double rE, double rT, double value) {
    }

    private final GeneratorSettings s;
    private final Function<String, ModelClient> models;
    private final Checkpoint checkpoint;
    private final CallLedger ledger;
    private final Panel panel;
    private final BatchedCalls calls;
    private final String seedOrigin;
    private final SeedPreparation preparation;
    private final Set<String> knownIds;
    private final Set<String> acceptedNow = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Listener listener;
    private final ExecutorService pool;
    private final Map<String, Integer> rejected = new TreeMap<>();
    private final boolean simulated;

    /**
     * @param models the client for each model name the settings use
     * @param seedOrigin the source file's name, for provenance
     * @param existing the pairs already in the output suite for this language (near-duplicates, ids)
     * @param prices USD per million input and output tokens, for {@code --max-cost} and the report
     */
    public Generator(GeneratorSettings settings, Function<String, ModelClient> models, Checkpoint checkpoint,
            String seedOrigin, Collection<Pair> existing, double[] prices, Listener listener) {
        this.s = settings;
        this.models = models;
        this.checkpoint = checkpoint;
        this.ledger = new CallLedger(checkpoint, settings.maxCalls(), settings.maxCost(), prices[0], prices[1]);
        this.panel = new Panel(settings, ledger, models);
        this.calls = new BatchedCalls(settings, ledger, models);
        this.seedOrigin = seedOrigin;
        this.knownIds = new LinkedHashSet<>();
        List<String> knownQuestions = new ArrayList<>();
        for (Pair p : existing) {
            knownIds.add(p.id());
            Perturbation.Part part = p.perturbation() == null ? null : p.perturbation().en();
            knownQuestions.add(part != null && part.original() != null ? part.original() : p.en().question());
        }
        this.preparation = new SeedPreparation(settings, panel, ledger, models, knownQuestions);
        this.listener = listener;
        this.pool = Executors.newFixedThreadPool(settings.concurrency(), r -> {
            Thread t = new Thread(r, "clp-generate");
            t.setDaemon(true);
            return t;
        });
        this.simulated = settings.models().stream().anyMatch(m -> models.apply(m).simulated());
    }

    /** Runs (or resumes) the search over the seeds. */
    public Report run(List<SeedQuestion> seeds) {
        List<SeedQuestion> usable = s.maxSeeds() > 0 && seeds.size() > s.maxSeeds() ? seeds.subList(0, s.maxSeeds()) : seeds;
        List<Checkpoint.Batch> done = checkpoint.batches();
        int next = done.isEmpty() ? 0 : done.get(done.size() - 1).nextSeed();
        int batchIndex = done.size();
        Optional<String> stoppedBy = Optional.empty();
        int searched = 0;
        try {
            while (next < usable.size()) {
                List<Prepared> batch = new ArrayList<>();
                while (batch.size() < s.batchSize() && next < usable.size()) {
                    int chunk = Math.min(usable.size() - next, Math.max(s.batchSize() - batch.size(), 1));
                    List<SeedQuestion> wanted = usable.subList(next, next + chunk);
                    List<Optional<Prepared>> prepared = parallel(wanted, preparation::prepare);
                    for (Optional<Prepared> p : prepared) {
                        p.ifPresent(batch::add);
                    }
                    next += chunk;
                }
                if (!batch.isEmpty()) {
                    search(batchIndex, batch);
                    searched += batch.size();
                }
                checkpoint.finishBatch(batchIndex, next);
                batchIndex++;
                report(next, usable.size(), batchIndex);
            }
        } catch (BudgetExhaustedException e) {
            stoppedBy = Optional.of(e.getMessage());
        }
        List<Pair> accepted = new ArrayList<>();
        for (String line : checkpoint.acceptedLines()) {
            accepted.add(SuiteReader.parseLine(checkpoint.file(), line, s.lang()));
        }
        accepted.sort(Comparator.comparing(Pair::id));
        return new Report(s, usable.size(), searched, preparation.skipped(), batchIndex, List.copyOf(accepted),
                ledger.calls(), ledger.replayed(), ledger.gradedAnswers(), ledger.byKind(), ledger.tokens(), ledger.cost(),
                Map.copyOf(rejected), stoppedBy);
    }

    private void report(int seedsDone, int seedsTotal, int batches) {
        if (listener != null) {
            listener.progress(new Progress(seedsDone, seedsTotal, batches, checkpoint.acceptedCount(), ledger.calls(),
                    ledger.replayed(), ledger.cost()));
        }
    }

    // ---- the search

    private void search(int batchIndex, List<Prepared> batch) {
        if (s.strategy() == Strategy.IMPROVED) {
            searchImproved(batchIndex, batch);
        } else {
            searchReference(batchIndex, batch);
        }
    }

    /** The search's starting points: each seed without distraction. */
    private static List<Node> roots(List<Prepared> batch) {
        List<Node> queue = new ArrayList<>();
        for (Prepared p : batch) {
            queue.add(new Node(p, "", "", "", "", 0, null, null));
        }
        return queue;
    }

    /** One expansion per queued node and wrong option, in queue order. */
    private static List<Expansion> expansions(List<Node> queue) {
        List<Expansion> tasks = new ArrayList<>();
        for (Node node : queue) {
            Side en = node.seed.seed().en();
            for (int w = 0; w < en.choices().size(); w++) {
                if (w != en.answer()) {
                    tasks.add(new Expansion(node, w));
                }
            }
        }
        return tasks;
    }

    /** The published level loop: every candidate graded in both languages, then ranked, accepted and cut. */
    private void searchReference(int batchIndex, List<Prepared> batch) {
        List<Node> queue = roots(batch);
        Map<Integer, Integer> perSeed = new HashMap<>();
        int maxDepth = s.depth();
        for (int level = 0; level < maxDepth && !queue.isEmpty(); level++) {
            List<Expansion> tasks = expansions(queue);
            List<Optional<Candidate>> results = parallel(tasks, t -> expand(t.node(), t.wrong()));
            List<Candidate> kept = new ArrayList<>();
            results.forEach(r -> r.filter(c -> c.rE() >= 1.0).ifPresent(kept::add));
            kept.sort(Comparator.comparingDouble(Candidate::value).reversed()
                    .thenComparing(c -> c.node().order()));
            List<Node> nextQueue = new ArrayList<>();
            for (Candidate c : kept) {
                int seedIndex = c.node().seed.seed().index();
                if (perSeed.getOrDefault(seedIndex, 0) >= s.maxPerSeed()) {
                    continue;
                }
                boolean good = c.rT() <= s.acceptTarget();
                if (!good && nextQueue.size() >= s.beamWidth()) {
                    continue;
                }
                if (good) {
                    if (accept(batchIndex, c)) {
                        perSeed.merge(seedIndex, 1, Integer::sum);
                        maxDepth = s.extendedDepth();
                    }
                    if (c.rT() == 0 || perSeed.getOrDefault(seedIndex, 0) >= s.maxPerSeed()) {
                        continue;
                    }
                }
                if (nextQueue.size() < s.beamWidth()) {
                    nextQueue.add(c.node());
                }
            }
            queue = nextQueue;
        }
    }

    /**
     * The improved level loop. Candidates are graded in the target language first (with early stopping) and in
     * waves of {@value #WAVE}; a good one is verified (English rate 1, meaning kept) and accepted at once, and a
     * seed that reached its quota gets no more candidates. English answers and meaning checks are spent only on
     * candidates that would be accepted or kept in the beam, in score order. An accepted node is not extended:
     * further pairs from a seed come from other branches, not from the same pair with one more sentence.
     */
    private void searchImproved(int batchIndex, List<Prepared> batch) {
        List<Node> queue = roots(batch);
        Map<Integer, Integer> perSeed = new HashMap<>();
        int maxDepth = s.depth();
        for (int level = 0; level < maxDepth && !queue.isEmpty(); level++) {
            List<Expansion> tasks = expansions(queue);
            List<Candidate> unaccepted = new ArrayList<>();
            for (int from = 0; from < tasks.size(); from += WAVE) {
                List<Expansion> wave = tasks.subList(from, Math.min(tasks.size(), from + WAVE)).stream()
                        .filter(t -> open(perSeed, t.node())).toList();
                List<Candidate> graded = new ArrayList<>();
                expandWave(wave).forEach(graded::add);
                graded.sort(RANKING);
                List<Candidate> good = new ArrayList<>();
                for (Candidate c : graded) {
                    (c.rT() <= s.acceptTarget() ? good : unaccepted).add(c);
                }
                while (!good.isEmpty()) {
                    // verify no more good candidates per seed than its quota still allows
                    List<Candidate> round = new ArrayList<>();
                    Map<Integer, Integer> taken = new HashMap<>();
                    for (Candidate c : good) {
                        int seed = c.node().seed.seed().index();
                        if (perSeed.getOrDefault(seed, 0) + taken.getOrDefault(seed, 0) < s.maxPerSeed()) {
                            round.add(c);
                            taken.merge(seed, 1, Integer::sum);
                        }
                    }
                    good.removeAll(round);
                    good.removeIf(c -> !open(perSeed, c.node()));
                    if (round.isEmpty()) {
                        break;
                    }
                    List<Boolean> verified = verifyAll(round, s.panel());
                    for (int i = 0; i < round.size(); i++) {
                        Candidate c = round.get(i);
                        if (verified.get(i) && open(perSeed, c.node()) && accept(batchIndex, c)) {
                            perSeed.merge(c.node().seed.seed().index(), 1, Integer::sum);
                            maxDepth = s.extendedDepth();
                        }
                    }
                    good.removeIf(c -> !open(perSeed, c.node()));
                }
            }
            unaccepted.removeIf(c -> !open(perSeed, c.node()));
            unaccepted.sort(RANKING);
            List<Node> nextQueue = new ArrayList<>();
            int at = 0;
            while (nextQueue.size() < s.beamWidth() && at < unaccepted.size()) {
                List<Candidate> group = unaccepted.subList(at, Math.min(unaccepted.size(),
                        at + s.beamWidth() - nextQueue.size()));
                at += group.size();
                List<Boolean> verified = verifyAll(group, s.panel().subList(0, 1));
                for (int i = 0; i < group.size(); i++) {
                    if (verified.get(i)) {
                        nextQueue.add(group.get(i).node());
                    }
                }
            }
            queue = nextQueue;
        }
    }

    private static final int WAVE = 12;

    private static final Comparator<Candidate> RANKING = Comparator.comparingDouble(Candidate::value).reversed()
            .thenComparing(c -> c.node().order());

    private boolean open(Map<Integer, Integer> perSeed, Node node) {
        return perSeed.getOrDefault(node.seed.seed().index(), 0) < s.maxPerSeed();
    }

    /**
     * The children of a wave, graded in the target language only (score as if the English rate were 1). One call
     * writes a node's distractions for all its wrong options, and one call translates all the wave's distractions;
     * an item a batched reply leaves out is asked for alone.
     */
    private List<Candidate> expandWave(List<Expansion> wave) {
        Map<Node, List<Integer>> wrongs = new LinkedHashMap<>();
        wave.forEach(t -> wrongs.computeIfAbsent(t.node(), k -> new ArrayList<>()).add(t.wrong()));
        List<Node> parents = new ArrayList<>(wrongs.keySet());
        List<List<String>> written = parallel(parents, n -> calls.distractions(n.en().question(),
                wrongs.get(n).stream().map(w -> n.en().choices().get(w)).toList(),
                "seed " + n.seed.seed().index() + " depth " + (n.depth() + 1)));
        List<Expansion> items = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < parents.size(); i++) {
            List<Integer> ws = wrongs.get(parents.get(i));
            for (int j = 0; j < ws.size(); j++) {
                String d = written.get(i).get(j);
                if (d.isEmpty()) {
                    count(rejected, "empty-distraction");
                } else {
                    items.add(new Expansion(parents.get(i), ws.get(j)));
                    texts.add(d);
                }
            }
        }
        List<String> translated = calls.translations("en", s.lang(), texts, "wave");
        List<Node> children = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String d = texts.get(i);
            String td = translated.get(i);
            if (td.isEmpty() || !Checks.looksLike(s.lang(), td, d)) {
                count(rejected, "language-identity");
                continue;
            }
            children.add(place(items.get(i).node(), d, td));
        }
        return parallel(children, c -> {
            Panel.Rate target = panel.rate(s.lang(), c.target(), false, "seed " + c.seed.seed().index() + " depth " + c.depth()
                    + " (" + s.lang() + ")");
            return new Candidate(c, 1.0, target.value(), s.score(1.0, target.value()));
        });
    }

    /**
     * Verifies a group of candidates: the English panel for each (in parallel), then, with checks, one judge call
     * and one back-translation call for all that passed (an item a batched reply leaves out is asked alone).
     */
    private List<Boolean> verifyAll(List<Candidate> group, List<String> members) {
        List<Boolean> ok = new ArrayList<>(parallel(group, c -> {
            Node n = c.node();
            Panel.Rate english = panel.rate("en", n.en(), true, "seed " + n.seed.seed().index() + " depth " + n.depth()
                    + " (en)", members);
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
        List<Node> nodes = check.stream().map(i -> group.get(i).node()).toList();
        List<String> verdicts = calls.verdicts(nodes.stream().map(n -> n.seed.seed().en()).toList(),
                nodes.stream().map(n -> n.en().question()).toList());
        List<String> back = calls.translations(s.lang(), "en", nodes.stream().map(Node::lastTarget).toList(), "check");
        for (int k = 0; k < check.size(); k++) {
            String verdict = verdicts.get(k).toUpperCase(Locale.ROOT);
            if (verdict.contains(GeneratorTasks.CHANGED) || !verdict.contains(GeneratorTasks.SAME)) {
                count(rejected, "judge");
                ok.set(check.get(k), false);
            } else if (Checks.similarity(back.get(k), nodes.get(k).lastEn()) < 0.5) {
                count(rejected, "back-translation");
                ok.set(check.get(k), false);
            }
        }
        return ok;
    }

    private static Node place(Node node, String d, String td) {
        return d.length() % 2 == 1
                ? new Node(node.seed, join(d, node.pre()), node.suf(), join(td, node.tpre()), node.tsuf(), node.depth() + 1,
                        d, td)
                : new Node(node.seed, node.pre(), join(node.suf(), d), node.tpre(), join(node.tsuf(), td),
                        node.depth() + 1, d, td);
    }

    /** A node with one more distraction, written for wrong option {@code w}, translated and placed. */
    private Optional<Node> child(Node node, int w) {
        Side en = node.en();
        String label = "seed " + node.seed.seed().index() + " depth " + (node.depth() + 1);
        String reply = ledger.ask(model(s.writer()), Kind.DISTRACTION, Prompts.distraction(en.question(),
                en.choices().get(w)), s.distractionTemperature(), ANSWER_TOKENS, label + " distraction", "en").text();
        String d = BatchedCalls.distractionText(reply);
        if (d.isEmpty()) {
            count(rejected, "empty-distraction");
            return Optional.empty();
        }
        String td = ledger.ask(model(s.translator()), Kind.TRANSLATION, Prompts.translateText("en", s.lang(), d), 0.0,
                TEXT_TOKENS, label + " translation", s.lang()).text().strip();
        if (td.isEmpty() || s.checks() && !Checks.looksLike(s.lang(), td, d)) {
            count(rejected, "language-identity");
            return Optional.empty();
        }
        return Optional.of(place(node, d, td));
    }

    /** One child of a node: a distraction for wrong option {@code w}, translated, placed, and graded by the panel. */
    private Optional<Candidate> expand(Node node, int w) {
        Optional<Node> made = child(node, w);
        if (made.isEmpty()) {
            return Optional.empty();
        }
        Node child = made.get();
        String label = "seed " + child.seed.seed().index() + " depth " + child.depth();
        Panel.Rate english = panel.rate("en", child.en(), true, label + " (en)");
        if (english.value() < 1.0) {
            return Optional.of(new Candidate(child, english.value(), Double.NaN, Double.NEGATIVE_INFINITY));
        }
        Panel.Rate target = panel.rate(s.lang(), child.target(), false, label + " (" + s.lang() + ")");
        return Optional.of(new Candidate(child, 1.0, target.value(), s.score(1.0, target.value())));
    }

    // ---- accepting

    private boolean accept(int batchIndex, Candidate c) {
        Node n = c.node();
        SeedQuestion seed = n.seed.seed();
        Side en = n.en();
        String id = PairIds.of(s.lang(), en);
        if (knownIds.contains(id) || !acceptedNow.add(id)) {
            count(rejected, "duplicate-id");
            return false;
        }
        if (checkpoint.isAccepted(id)) {
            return true; // found again while replaying the batch a killed run had not finished
        }
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("generator", "clp generate " + Version.get());
        provenance.put("strategy", s.strategy().name().toLowerCase(Locale.ROOT));
        provenance.put("panel", s.panel());
        provenance.put("rateEn", round(c.rE()));
        provenance.put("rateTarget", round(c.rT()));
        provenance.put("score", round(c.value()));
        provenance.put("date", s.date());
        provenance.put("seed", seedOrigin + "#" + seed.index());
        provenance.put("translator", s.translator());
        if (simulated) {
            provenance.put("simulated", true);
        }
        if (!s.holdout().isEmpty()) {
            provenance.put("holdout", panel.holdout(n.en(), n.target()));
        }
        Pair pair = new Pair(id, s.lang(), seed.source(), seed.subject(), en, n.target(),
                new Perturbation(new Perturbation.Part(seed.en().question(), emptyToNull(n.pre()), emptyToNull(n.suf())),
                        new Perturbation.Part(n.seed.target().question(), emptyToNull(n.tpre()), emptyToNull(n.tsuf())),
                        n.depth()),
                provenance);
        checkpoint.accept(batchIndex, id, SuiteWriter.toJsonLine(pair));
        preparation.known(seed.en().question());
        return true;
    }

    // ---- helpers

    private ModelClient model(String name) {
        return models.apply(name);
    }

    private <T, R> List<R> parallel(List<T> items, Function<T, R> work) {
        List<Future<R>> futures = new ArrayList<>();
        for (T item : items) {
            futures.add(pool.submit(() -> work.apply(item)));
        }
        List<R> out = new ArrayList<>();
        RuntimeException failure = null;
        for (Future<R> f : futures) {
            try {
                out.add(f.get());
            } catch (ExecutionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException re ? re
                        : new GeneratorException(String.valueOf(e.getCause()), e.getCause());
                // a spent budget wins over other failures: it is the reason the run stops
                if (failure == null || cause instanceof BudgetExhaustedException) {
                    failure = cause;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GeneratorException("interrupted", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return out;
    }

    static void count(Map<String, Integer> map, String key) {
        synchronized (map) {
            map.merge(key, 1, Integer::sum);
        }
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + " " + b;
    }

    private static String join(String a, String b, String c) {
        return join(join(a, b), c);
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    /** The generator's version, from the jar manifest. */
    static final class Version {
        private Version() {
        }

        static String get() {
            String v = Generator.class.getPackage().getImplementationVersion();
            return v == null ? "dev" : v;
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    /** The output file of a language in a suite directory. */
    public static Path pairsFile(Path suiteDir, String lang) {
        return suiteDir.resolve(dev.clp.suite.Suite.pairsFileName(lang));
    }
}
