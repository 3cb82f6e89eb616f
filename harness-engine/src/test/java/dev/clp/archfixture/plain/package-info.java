/** Fixture classes for the plain-Java rule: one touches a JUnit Platform type. */
package dev.clp.archfixture.plain;
