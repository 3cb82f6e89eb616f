package dev.clp.archfixture.provider;

import org.apiguardian.api.API;

/** An internal type of the fixture's "other module". */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Hidden {

    /** Nested in an internal type, so internal too. */
    public record Part(String name) {
    }

    /** Something to call. */
    public static String name() {
        return "hidden";
    }
}
