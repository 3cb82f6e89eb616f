/**
 * The {@code clp} command line: {@code clp run} runs suites through the engine with the JUnit Platform
 * Launcher, {@code clp import clp} imports the published Cross-Lingual Pitfalls pairs. The command line
 * owns the terminal; the library modules never print.
 */
package dev.clp.cli;
