package dev.clp.allure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The pairs of one suite and language that need a look, under {@code clp.allure.max-pairs}: the {@code cap} first by
 * rank (new weak, then unreadable answers and errors, then known weak) and line are kept whole, to be written with a
 * result of their own at the end of the run; the others are kept as one listing line each. Memory stays at {@code cap}
 * rendered results per suite and language, whatever the number of pairs. Not thread-safe: its owner locks.
 */
final class Capped {

    /**
     * A pair's result and attachment, rendered but not written, and its line in the listing if it is not kept. The
     * result is its JSON text, which already names the attachment's file ({@code attachmentSource}, null: none): a
     * Jackson tree of it is several times that, and up to {@code cap} of them wait for the end of the run. Both are
     * kept {@link #pack packed} (their text is mostly the prompts and answers, which compress several times).
     */
    record Entry(int rank, long line, String stem, byte[] result, String attachmentSource, byte[] attachment,
            String listing, String kind, long start, long stop) {
    }

    /** A text deflated (its UTF-8 bytes); null stays null. */
    static byte[] pack(String text) {
        if (text == null) {
            return null;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.util.zip.Deflater deflater = new java.util.zip.Deflater(java.util.zip.Deflater.BEST_SPEED);
        try (java.io.OutputStream z = new java.util.zip.DeflaterOutputStream(out, deflater)) {
            z.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        } finally {
            deflater.end();
        }
        return out.toByteArray();
    }

    /** The text {@link #pack} deflated; null stays null. */
    static String unpack(byte[] packed) {
        if (packed == null) {
            return null;
        }
        try (java.io.InputStream z = new java.util.zip.InflaterInputStream(new java.io.ByteArrayInputStream(packed))) {
            return new String(z.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            // a truncated or corrupt stream (ZipException, EOFException)
            throw new IllegalStateException("a packed Allure result cannot be read: " + e.getMessage(), e);
        }
    }

    static final Comparator<Entry> ORDER = Comparator.comparingInt(Entry::rank).thenComparingLong(Entry::line)
            .thenComparing(Entry::listing);

    final String suite;
    final String lang;
    private final int cap;
    /** The kept entries, the last by {@link #ORDER} at the head, so that a better one replaces it. */
    private final PriorityQueue<Entry> kept;
    private final List<Entry> beyond = new ArrayList<>();

    Capped(String suite, String lang, int cap) {
        this.suite = suite;
        this.lang = lang;
        this.cap = cap;
        this.kept = new PriorityQueue<>(ORDER.reversed());
    }

    void offer(Entry e) {
        if (kept.size() < cap) {
            kept.add(e);
            return;
        }
        Entry last = kept.peek();
        if (ORDER.compare(e, last) < 0) {
            kept.poll();
            kept.add(e);
            beyond.add(strip(last));
        } else {
            beyond.add(strip(e));
        }
    }

    /** An entry beyond the cap keeps its listing line only: its rendered result is dropped at once. */
    private static Entry strip(Entry e) {
        return new Entry(e.rank(), e.line(), null, null, null, null, e.listing(), e.kind(), e.start(), e.stop());
    }

    List<Entry> kept() {
        List<Entry> out = new ArrayList<>(kept);
        out.sort(ORDER);
        return out;
    }

    /** The entries beyond the cap, new weak pairs first, then by line. */
    List<Entry> beyond() {
        List<Entry> out = new ArrayList<>(beyond);
        out.sort(ORDER);
        return out;
    }
}
