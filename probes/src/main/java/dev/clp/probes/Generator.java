package dev.clp.probes;

import dev.clp.model.BudgetExhaustedException;
import dev.clp.model.ModelClient;
import dev.clp.probes.SeedPreparation.Prepared;
import dev.clp.suite.Pair;
import dev.clp.suite.Perturbation;
import dev.clp.suite.SuiteReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * The beam search of Cross-Lingual Pitfalls (Xu et al., ACL 2025), as published ({@link SearchStrategy#REFERENCE}) or
 * improved ({@link SearchStrategy#IMPROVED}). The generator prepares the seeds, searches them in batches with the
 * settings' {@link SearchStrategy} and checkpoints every batch; what the strategies share (the call ledger, the
 * panel, batched calls, accepting a pair) is in {@link Search}, which each batch's search is handed.
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
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Generator implements AutoCloseable {

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

    private final GeneratorSettings s;
    private final Checkpoint checkpoint;
    private final CallLedger ledger;
    private final SeedPreparation preparation;
    private final Search search;
    private final Listener listener;

    /**
     * @param models the client for each model name the settings use
     * @param seedOrigin the source file's name, for provenance
     * @param existing the pairs already in the output suite for this language (near-duplicates, ids)
     * @param prices USD per million input and output tokens, for {@code --max-cost} and the report
     */
    public Generator(GeneratorSettings settings, Function<String, ModelClient> models, Checkpoint checkpoint,
            String seedOrigin, Collection<Pair> existing, double[] prices, Listener listener) {
        this.s = settings;
        this.checkpoint = checkpoint;
        this.ledger = new CallLedger(checkpoint, settings.maxCalls(), settings.maxCost(), prices[0], prices[1]);
        Panel panel = new Panel(settings, ledger, models);
        List<String> knownQuestions = new ArrayList<>();
        for (Pair p : existing) {
            Perturbation.Part part = p.perturbation() == null ? null : p.perturbation().en();
            knownQuestions.add(part != null && part.original() != null ? part.original() : p.en().question());
        }
        this.preparation = new SeedPreparation(settings, panel, ledger, models, knownQuestions);
        boolean simulated = settings.models().stream().anyMatch(m -> models.apply(m).simulated());
        this.search = new Search(settings, models, ledger, panel, new BatchedCalls(settings, ledger, models),
                new Acceptance(settings, checkpoint, panel, preparation, existing, seedOrigin, simulated));
        this.listener = listener;
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
                    List<Optional<Prepared>> prepared = search.parallel(wanted, preparation::prepare);
                    for (Optional<Prepared> p : prepared) {
                        p.ifPresent(batch::add);
                    }
                    next += chunk;
                }
                if (!batch.isEmpty()) {
                    s.strategy().search(search, batchIndex, batch);
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
                search.rejected(), stoppedBy);
    }

    private void report(int seedsDone, int seedsTotal, int batches) {
        if (listener != null) {
            listener.progress(new Progress(seedsDone, seedsTotal, batches, checkpoint.acceptedCount(), ledger.calls(),
                    ledger.replayed(), ledger.cost()));
        }
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
        search.close();
    }

    /** The output file of a language in a suite directory. */
    public static Path pairsFile(Path suiteDir, String lang) {
        return suiteDir.resolve(dev.clp.suite.Suite.pairsFileName(lang));
    }
}
