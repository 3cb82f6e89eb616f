package dev.clp.scoring;

import org.apiguardian.api.API;

/** The three zones of a gap gate, plus no data. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum Verdict {
    /** The upper confidence bound of the gap is below the allowed gap. */
    PASS,
    /** The lower confidence bound of the gap is above the allowed gap. */
    FAIL,
    /** The interval straddles the allowed gap: not enough evidence either way. */
    INCONCLUSIVE,
    /** No pair of the language could be graded. */
    NO_DATA
}
