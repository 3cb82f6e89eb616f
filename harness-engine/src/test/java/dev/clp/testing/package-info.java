/** Shared test support (published as the harness-engine test-jar): fakes, recorders and suite fixtures. */
package dev.clp.testing;
