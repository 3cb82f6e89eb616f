package dev.clp.archfixture.consumer;

import org.apiguardian.api.API;

/** Internal to the consumer's own module: the consumer may use it. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class OwnInternal {

    /** Something to call. */
    public static String name() {
        return "own";
    }
}
