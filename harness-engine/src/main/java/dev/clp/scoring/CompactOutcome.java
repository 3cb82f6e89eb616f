package dev.clp.scoring;

import dev.clp.suite.Pair;
import dev.clp.suite.Side;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * An outcome reduced to what {@link RunGates} and a pair's test read of it, so that a run can keep one per pair until
 * its gates are decided without keeping the pair's text, the prompts and the raw answers (those are written to
 * run.json and Allure as the outcome arrives): the same kind of outcome with the pair's id, language, source and
 * cluster (its source question, as {@link RunGates#cluster}), and each side's extractions and right index. Gates decide
 * the same from it as from the outcome it came from; its {@code message()} is not the original's.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class CompactOutcome {

    private static final List<String> TWO = List.of("", "");

    private CompactOutcome() {
    }

    /**
     * @param shared strings already kept (cluster texts, sources), so that the pairs of one source question in several
     *     languages keep one copy; thread-safe if the caller calls from several threads
     */
    public static PairOutcome of(PairOutcome o, Map<String, String> shared) {
        Pair p = o.pair();
        String cluster = shared.computeIfAbsent(RunGates.cluster(p), k -> k);
        Pair slim = new Pair(p.id(), p.lang(), shared.computeIfAbsent(p.source(), k -> k), null,
                new Side(cluster, TWO, 0), new Side("", TWO, 0), null, Map.of());
        if (o instanceof PairOutcome.Consistent c) {
            return new PairOutcome.Consistent(slim, side(c.en()), side(c.target()));
        }
        if (o instanceof PairOutcome.Weak w) {
            return new PairOutcome.Weak(slim, side(w.en()), side(w.target()));
        }
        if (o instanceof PairOutcome.NotApplicable n) {
            return new PairOutcome.NotApplicable(slim, side(n.en()), side(n.target()));
        }
        if (o instanceof PairOutcome.Unparseable u) {
            return new PairOutcome.Unparseable(slim, side(u.en()), side(u.target()), u.side(), "");
        }
        if (o instanceof PairOutcome.Error e) {
            return new PairOutcome.Error(slim, e.side(), "");
        }
        return new PairOutcome.NotRun(slim, "");
    }

    private static SideResult side(SideResult s) {
        return new SideResult(s.lang(), "", List.of(), s.extractions(), s.expected());
    }
}
