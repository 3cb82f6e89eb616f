/**
 * Deliberately bad classes on which the architecture tests evaluate their rules, to show that each rule fails
 * when it is broken. Test sources only: nothing here is part of clp-harness.
 */
package dev.clp.archfixture;
