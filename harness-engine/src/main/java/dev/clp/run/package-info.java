/**
 * The run record as types: {@link dev.clp.run.RunDocument} is {@code run.json} ({@code clp-run/v1}),
 * {@link dev.clp.run.GatesDocument} is {@code gates.json} ({@code clp-gates/v1}), each with one {@code read} that
 * checks the format and names the file, and one {@code write}. The JSON Schemas {@code schema/clp-run-v1.schema.json}
 * and {@code schema/clp-gates-v1.schema.json} describe the same files. {@link dev.clp.run.RunSettings} and
 * {@link dev.clp.run.RunUsage} are built from the configuration and the model layer's counters. Plain Java and
 * Jackson: nothing here touches the JUnit Platform or the scoring code.
 */
package dev.clp.run;
