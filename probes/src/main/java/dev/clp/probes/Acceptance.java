package dev.clp.probes;

import dev.clp.probes.SearchNode.Candidate;
import dev.clp.suite.Pair;
import dev.clp.suite.PairIds;
import dev.clp.suite.Perturbation;
import dev.clp.suite.Side;
import dev.clp.suite.SuiteWriter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Turns an accepted candidate into a pair with its provenance and records it in the checkpoint, once per id: a
 * pair id already in the suite or accepted earlier in this run is a duplicate.
 */
final class Acceptance {

    private final GeneratorSettings s;
    private final Checkpoint checkpoint;
    private final Panel panel;
    private final SeedPreparation preparation;
    private final String seedOrigin;
    private final boolean simulated;
    private final Set<String> knownIds = new LinkedHashSet<>();
    private final Set<String> acceptedNow = ConcurrentHashMap.newKeySet();

    /**
     * @param existing the pairs already in the output suite for this language
     * @param seedOrigin the source file's name, for provenance
     * @param simulated whether a model of the run is the simulator (marked in provenance)
     */
    Acceptance(GeneratorSettings settings, Checkpoint checkpoint, Panel panel, SeedPreparation preparation,
            Collection<Pair> existing, String seedOrigin, boolean simulated) {
        this.s = settings;
        this.checkpoint = checkpoint;
        this.panel = panel;
        this.preparation = preparation;
        this.seedOrigin = seedOrigin;
        this.simulated = simulated;
        existing.forEach(p -> knownIds.add(p.id()));
    }

    /** Records the candidate's pair; false (counted with {@code reject}) when its id is a duplicate. */
    boolean accept(int batchIndex, Candidate c, Consumer<String> reject) {
        SearchNode n = c.node();
        SeedQuestion seed = n.seed().seed();
        Side en = n.en();
        String id = PairIds.of(s.lang(), en);
        if (knownIds.contains(id) || !acceptedNow.add(id)) {
            reject.accept("duplicate-id");
            return false;
        }
        if (checkpoint.isAccepted(id)) {
            return true; // found again while replaying the batch a killed run had not finished
        }
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("generator", "clp generate " + Generator.Version.get());
        provenance.put("strategy", s.strategy().name());
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
                        new Perturbation.Part(n.seed().target().question(), emptyToNull(n.tpre()), emptyToNull(n.tsuf())),
                        n.depth()),
                provenance);
        checkpoint.accept(batchIndex, id, SuiteWriter.toJsonLine(pair));
        preparation.known(seed.en().question());
        return true;
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
