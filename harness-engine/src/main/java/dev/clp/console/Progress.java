package dev.clp.console;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How far a run got: pairs finished of those planned, per language, and the rate since the run started.
 * Plain Java, fed by {@link ProgressListener}; {@link #line} renders it.
 */
final class Progress {

    private final Map<String, int[]> byLanguage = new TreeMap<>();
    private static final long WINDOW_SECONDS = 10;
    private final java.util.ArrayDeque<long[]> samples = new java.util.ArrayDeque<>();
    private final long startedNanos;
    private int done;
    private int total;

    Progress(long startedNanos) {
        this.startedNanos = startedNanos;
    }

    synchronized void planned(String lang) {
        byLanguage.computeIfAbsent(lang, k -> new int[2])[1]++;
        total++;
    }

    synchronized void finished(String lang) {
        int[] counts = byLanguage.get(lang);
        if (counts == null || counts[0] >= counts[1]) {
            return;
        }
        counts[0]++;
        done++;
    }

    /** A planned pair that will not be asked (its language or suite was skipped): out of the totals. */
    synchronized void dropped(String lang) {
        int[] counts = byLanguage.get(lang);
        if (counts == null || counts[1] <= counts[0]) {
            return;
        }
        counts[1]--;
        total--;
        if (counts[1] == 0) {
            byLanguage.remove(lang);
        }
    }

    synchronized int total() {
        return total;
    }

    synchronized int done() {
        return done;
    }

    synchronized boolean complete() {
        return done >= total;
    }

    /**
     * One status line: {@code clp: 1,234 / 4,189 pairs (29 %), 41 pairs/s, ETA 1 min 12 s; ar 350/350, bn 120/349 …}.
     *
     * @param maxLanguages at most this many unfinished languages are listed (the rest as "+ N more"); 0: none
     */
    synchronized String line(long nowNanos, int maxLanguages) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "clp: %,d / %,d pairs (%d %%)", done, total,
                total == 0 ? 100 : (int) (100L * done / total)));
        double seconds = (nowNanos - startedNanos) / 1e9;
        if (done > 0) {
            double rate = rate(nowNanos);
            b.append(String.format(Locale.ROOT, rate < 10 ? ", %.1f pairs/s" : ", %.0f pairs/s", rate));
            if (done < total) {
                b.append(", ETA ").append(duration((total - done) / rate));
            }
        } else if (done == 0) {
            b.append(String.format(Locale.ROOT, ", no answer yet after %s", duration(seconds)));
        }
        int listed = 0;
        int more = 0;
        String sep = "; ";
        for (var e : byLanguage.entrySet()) {
            int[] c = e.getValue();
            if (c[0] >= c[1]) {
                continue;
            }
            if (maxLanguages == 0) {
                break;
            }
            if (listed < maxLanguages) {
                b.append(sep).append(e.getKey()).append(' ').append(c[0]).append('/').append(c[1]);
                sep = ", ";
                listed++;
            } else {
                more++;
            }
        }
        if (more > 0) {
            b.append(" + ").append(more).append(" more");
        }
        return b.toString();
    }

    /**
     * Pairs per second over the last {@value #WINDOW_SECONDS} seconds of lines drawn (the start of a run, before the
     * first answers, would make the time left look far longer than it is), or since the start before that.
     */
    private double rate(long nowNanos) {
        samples.addLast(new long[] {nowNanos, done});
        while (samples.size() > 2 && nowNanos - second(samples)[0] >= WINDOW_SECONDS * 1_000_000_000L) {
            samples.removeFirst();
        }
        long[] first = samples.getFirst();
        if (first[0] < nowNanos && nowNanos - first[0] >= WINDOW_SECONDS * 1_000_000_000L / 2 && done > first[1]) {
            return (done - first[1]) / ((nowNanos - first[0]) / 1e9);
        }
        return done / Math.max(1e-3, (nowNanos - startedNanos) / 1e9);
    }

    private static long[] second(java.util.ArrayDeque<long[]> samples) {
        var it = samples.iterator();
        it.next();
        return it.next();
    }

    /** The languages with every pair finished and those without, for the interrupt message. */
    synchronized String perLanguage() {
        StringBuilder b = new StringBuilder();
        for (var e : byLanguage.entrySet()) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(e.getKey()).append(' ').append(e.getValue()[0]).append('/').append(e.getValue()[1]);
        }
        return b.toString();
    }

    static String duration(double seconds) {
        long s = Math.max(0, Math.round(seconds));
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min " + (s % 60) + " s";
        }
        return (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }
}
