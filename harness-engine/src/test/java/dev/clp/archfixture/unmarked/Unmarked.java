package dev.clp.archfixture.unmarked;

/** Public with no @API: breaks the marking rule. */
public final class Unmarked {
}
