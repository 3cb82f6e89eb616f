/** Fixture classes of a module that uses another module (provider): one breaks the internals rule, one keeps it. */
package dev.clp.archfixture.consumer;
