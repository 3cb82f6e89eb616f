/**
 * Prompt rendering, answer extraction, pair outcomes, per-language statistics and gate verdicts, and the
 * run record ({@code run.json}). Plain Java: nothing here touches the JUnit Platform.
 */
package dev.clp.scoring;
