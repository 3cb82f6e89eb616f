package dev.clp.archfixture.provider.internal;

/** Unmarked, but in an internal package: internal. */
public final class Helper {

    /** Something to call. */
    public static String name() {
        return "helper";
    }
}
