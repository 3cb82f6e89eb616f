package dev.clp.archfixture.consumer;

import dev.clp.archfixture.provider.Hidden;
import dev.clp.archfixture.provider.internal.Helper;

/** Breaks the internals rule three ways: an INTERNAL type, a type nested in one, a type in an internal package. */
public final class UsesInternals {

    /** Uses them. */
    public static String names() {
        return Hidden.name() + new Hidden.Part("p").name() + Helper.name();
    }
}
