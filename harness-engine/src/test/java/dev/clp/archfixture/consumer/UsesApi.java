package dev.clp.archfixture.consumer;

import dev.clp.archfixture.provider.Open;

/** Keeps the internals rule: uses an API type of the other module and an internal type of its own. */
public final class UsesApi {

    /** Uses them. */
    public static String name() {
        return Open.name() + OwnInternal.name();
    }
}
