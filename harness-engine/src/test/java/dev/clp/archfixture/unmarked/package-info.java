/** Fixture classes for the marking rule: unmarked, marked without since, marked, not public. */
package dev.clp.archfixture.unmarked;
