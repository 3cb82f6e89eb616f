/** Fixture classes of the "other module": an API type and an INTERNAL type with a nested type. */
package dev.clp.archfixture.provider;
