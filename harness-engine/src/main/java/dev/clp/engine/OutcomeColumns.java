package dev.clp.engine;

import dev.clp.scoring.CompactOutcome;
import dev.clp.scoring.PairOutcome;
import dev.clp.scoring.RunGates;
import dev.clp.scoring.SideResult;
import dev.clp.suite.Pair;
import java.util.HexFormat;
import java.util.List;

/**
 * What the gates and a pair's test read of each outcome of a run, by the pair's place in the run's order, in columns
 * instead of an object per pair (issue 17.3): the kind, the two sides' results reduced to extractions and right index
 * (shared by every pair with equal ones, {@link CompactOutcome.Shared}), the side an unreadable or failed pair names,
 * and the gates' cluster of the pair as a number. About 21 bytes a pair, where the future and the compact outcome it
 * replaces kept about 200 (the outcome, its slim pair, the cluster's text and side): the first gate waits for every
 * pair of the run while the later languages' tests have not run yet, so all of those were alive at the run's peak.
 * Not thread-safe: the prefetcher locks.
 */
final class OutcomeColumns {

    /** The kinds by code; 0: no outcome kept yet. */
    private static final String[] KINDS = {null, "consistent", "weak", "not-applicable", "unparseable", "error",
        "not-run"};
    private static final HexFormat HEX = HexFormat.of();

    private final List<PairDescriptor> order;
    /** The evaluation at each place once submitted, until its outcome is kept: then null. */
    private final java.util.List<java.util.concurrent.Future<PairOutcome>> futures;
    private final byte[] kind;
    private final SideResult[] en;
    private final SideResult[] target;
    private final String[] side;
    /** The 12 hex digits of the gates' cluster ({@code q-} and 12 digits: {@link dev.clp.suite.PairIds#question}). */
    private final long[] cluster;

    OutcomeColumns(List<PairDescriptor> order) {
        this.order = order;
        int pairs = order.size();
        futures = new java.util.ArrayList<>(java.util.Collections.nCopies(pairs, null));
        kind = new byte[pairs];
        en = new SideResult[pairs];
        target = new SideResult[pairs];
        side = new String[pairs];
        cluster = new long[pairs];
    }

    /**
     * Once the sink has an outcome (run.json's journal, Allure), only what the gates and the pair's test read is kept
     * until they have it, with the id its test keeps (not the copy read from the pair's line); null: not delivered.
     */
    static PairOutcome compact(PairDescriptor delivered, PairOutcome outcome, CompactOutcome.Shared shared) {
        return delivered != null ? CompactOutcome.of(outcome, delivered.id(), shared) : outcome;
    }

    /** Whether the pair has its place in the order (its {@link PairDescriptor#place}). */
    boolean placed(PairDescriptor pair) {
        int i = pair.place;
        return i >= 0 && i < order.size() && order.get(i) == pair;
    }

    boolean has(int place) {
        return kind[place] != 0;
    }

    java.util.concurrent.Future<PairOutcome> future(int place) {
        return futures.get(place);
    }

    void future(int place, java.util.concurrent.Future<PairOutcome> future) {
        futures.set(place, future);
    }

    /** Keeps what the gates and the pair's test read of its outcome, and lets its future (and the outcome) go. */
    void keep(int place, PairOutcome o, CompactOutcome.Shared shared) {
        if (!has(place)) {
            put(place, o, shared);
        }
        futures.set(place, null);
    }

    /**
     * Keeps what the gates read of the outcome at a place: its cluster as {@link RunGates.Scored#of} reads it, so the
     * gates decide on the same figures as from the outcome itself.
     */
    private void put(int place, PairOutcome o, CompactOutcome.Shared shared) {
        String c = RunGates.cluster(o.pair());
        if (c.length() != 14 || !c.startsWith("q-")) {
            throw new IllegalStateException("a cluster of another form than q- and 12 hex digits: " + c);
        }
        cluster[place] = HexFormat.fromHexDigitsToLong(c, 2, 14);
        if (o instanceof PairOutcome.Answered a) {
            en[place] = CompactOutcome.side(a.en(), shared);
            target[place] = CompactOutcome.side(a.target(), shared);
        }
        if (o instanceof PairOutcome.Unparseable u) {
            side[place] = shared.string(u.side());
        } else if (o instanceof PairOutcome.Error e) {
            side[place] = shared.string(e.side());
        }
        kind[place] = code(o);
    }

    private static byte code(PairOutcome o) {
        byte code;
        if (o instanceof PairOutcome.Consistent) {
            code = 1;
        } else if (o instanceof PairOutcome.Weak) {
            code = 2;
        } else if (o instanceof PairOutcome.NotApplicable) {
            code = 3;
        } else if (o instanceof PairOutcome.Unparseable) {
            code = 4;
        } else if (o instanceof PairOutcome.Error) {
            code = 5;
        } else {
            code = 6;
        }
        if (!KINDS[code].equals(o.kind())) {
            throw new IllegalStateException("outcome kind " + o.kind() + " kept as " + KINDS[code]);
        }
        return code;
    }

    private String clusterText(int place) {
        return "q-" + HEX.toHexDigits(cluster[place]).substring(4);
    }

    /** What the gates read of the outcome at a place: {@link RunGates.Scored#of} of the outcome it keeps. */
    RunGates.Scored scored(PairDescriptor pair) {
        if (!placed(pair) || !has(pair.place)) {
            throw new IllegalStateException("no outcome kept for pair " + pair.id() + " of " + pair.suiteId());
        }
        return RunGates.Scored.of(outcome(pair, pair.lang()));
    }

    /**
     * The outcome at a place for the pair's test, which reads its kind and letters (its message is in run.json's
     * journal): of the pair only its id, language and source, as in a {@link CompactOutcome}.
     */
    PairOutcome outcome(PairDescriptor d, CompactOutcome.Shared shared) {
        return outcome(d, shared.string(d.lang()));
    }

    private PairOutcome outcome(PairDescriptor d, String lang) {
        int place = d.place;
        Pair slim = CompactOutcome.slimPair(d.id(), lang, d.source(), clusterText(place));
        SideResult e = en[place];
        SideResult t = target[place];
        return switch (kind[place]) {
            case 1 -> new PairOutcome.Consistent(slim, e, t);
            case 2 -> new PairOutcome.Weak(slim, e, t);
            case 3 -> new PairOutcome.NotApplicable(slim, e, t);
            case 4 -> new PairOutcome.Unparseable(slim, e, t, side[place], "");
            case 5 -> new PairOutcome.Error(slim, side[place], "");
            case 6 -> new PairOutcome.NotRun(slim, "");
            default -> throw new IllegalStateException("no outcome kept for " + d.id());
        };
    }
}
