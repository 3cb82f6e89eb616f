package dev.clp.engine;

import org.junit.platform.engine.UniqueId;

/**
 * A unique id as text without keeping the text: {@link UniqueId#toString} keeps what it made in the id (behind a soft
 * reference, which the collector clears only when the heap is nearly full), and the test plan keeps every pair's id
 * for the whole run, so a 50,000-pair run that asked for each pair's id once kept 50,000 strings (issue 17.3).
 */
final class UniqueIds {

    private UniqueIds() {
    }

    /** The id's text, as {@link UniqueId#toString} gives it, made from a copy that is dropped at once. */
    static String text(UniqueId id) {
        UniqueId copy = null;
        for (UniqueId.Segment s : id.getSegments()) {
            copy = copy == null ? UniqueId.root(s.getType(), s.getValue()) : copy.append(s);
        }
        return String.valueOf(copy);
    }
}
