package dev.clp.archfixture.plain;

/** Keeps the plain-Java rule. */
public final class Plain {
}
