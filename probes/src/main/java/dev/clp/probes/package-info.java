/**
 * The suite generator: the Cross-Lingual Pitfalls beam search (reference and improved strategies), its
 * panel, checks, SQLite checkpoint and suite output. Plain Java over the harness-engine model layer; the
 * {@code clp generate} command owns the terminal.
 */
package dev.clp.probes;
