package dev.clp.archfixture.provider;

import org.apiguardian.api.API;

/** An API type of the fixture's "other module": using it is allowed. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Open {

    /** Something to call. */
    public static String name() {
        return "open";
    }
}
