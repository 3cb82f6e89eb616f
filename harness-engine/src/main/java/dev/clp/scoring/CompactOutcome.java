package dev.clp.scoring;

import dev.clp.suite.Pair;
import dev.clp.suite.Side;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;

/**
 * An outcome reduced to what {@link RunGates} and a pair's test read of it, so that a run can keep it until the pair's
 * test or its gates have it without keeping the pair's text, the prompts and the raw answers (those are written to
 * run.json and Allure as the outcome arrives): the same kind of outcome with the pair's id, language, source and
 * cluster (its source question, as {@link RunGates#cluster}), and each side's extractions and right index. Gates decide
 * the same from it as from the outcome it came from; its {@code message()} is not the original's.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class CompactOutcome {

    private static final List<String> TWO = List.of("", "");
    private static final Side EMPTY = new Side("", TWO, 0);

    private CompactOutcome() {
    }

    /**
     * What the compact outcomes of one run share: strings (languages, sources) and the values that are equal for many
     * pairs (a side's result reduced to its extractions and right index), so that a run keeps one object for all of
     * them instead of one per pair. Nothing per source question: a run keeps a compact outcome only until its pair's
     * test or the gates have it (the engine's prefetcher then keeps the cluster as a number), and a map of cluster
     * texts would keep an entry a source question (a pair, when each pair has a question of its own) for the whole
     * run (issue 17.3). Thread-safe.
     */
    @API(status = API.Status.INTERNAL, since = "0.1")
    public static final class Shared {
        private final Map<String, String> strings = new ConcurrentHashMap<>();
        private final Map<SideResult, SideResult> sides = new ConcurrentHashMap<>();

        /** The run's one copy of a string equal to {@code s}. */
        public String string(String s) {
            return strings.computeIfAbsent(s, k -> k);
        }

        SideResult side(SideResult s) {
            return sides.computeIfAbsent(s, k -> k);
        }
    }

    /**
     * The pair a reduced outcome keeps: its id, language, source and cluster ({@link RunGates#cluster}), which it
     * keeps as its English question. Every reduced outcome's pair is made here, so that {@link #slim} knows it.
     */
    @API(status = API.Status.INTERNAL, since = "0.1")
    public static Pair slimPair(String id, String lang, String source, String cluster) {
        return new Pair(id, lang, source, null, new Side(cluster, TWO, 0), EMPTY, null, Map.of());
    }

    /** Whether the pair is a compact outcome's, whose English question is its cluster ({@link RunGates#cluster}). */
    static boolean slim(Pair p) {
        return p.target() == EMPTY;
    }

    /** The outcome reduced, sharing with earlier outcomes of the run what is equal. */
    public static PairOutcome of(PairOutcome o, Shared shared) {
        return of(o, null, shared);
    }

    /**
     * The outcome reduced, sharing with earlier outcomes of the run what is equal, and keeping {@code id} (the pair's
     * id as its test already keeps it) instead of the copy parsed from the pair's line when it ran; null, or another
     * id, keeps the outcome's own.
     */
    public static PairOutcome of(PairOutcome o, String id, Shared shared) {
        Pair p = o.pair();
        Pair slim = slimPair(id != null && id.equals(p.id()) ? id : p.id(), shared.string(p.lang()),
                shared.string(p.source()), RunGates.cluster(p));
        if (o instanceof PairOutcome.Consistent c) {
            return new PairOutcome.Consistent(slim, side(c.en(), shared), side(c.target(), shared));
        }
        if (o instanceof PairOutcome.Weak w) {
            return new PairOutcome.Weak(slim, side(w.en(), shared), side(w.target(), shared));
        }
        if (o instanceof PairOutcome.NotApplicable n) {
            return new PairOutcome.NotApplicable(slim, side(n.en(), shared), side(n.target(), shared));
        }
        if (o instanceof PairOutcome.Unparseable u) {
            return new PairOutcome.Unparseable(slim, side(u.en(), shared), side(u.target(), shared), u.side(), "");
        }
        if (o instanceof PairOutcome.Error e) {
            return new PairOutcome.Error(slim, e.side(), "");
        }
        return new PairOutcome.NotRun(slim, "");
    }

    /** A side's result reduced to its language, extractions and right index, shared with equal ones of the run. */
    public static SideResult side(SideResult s, Shared shared) {
        return shared.side(new SideResult(shared.string(s.lang()), "", List.of(), s.extractions(), s.expected()));
    }
}
