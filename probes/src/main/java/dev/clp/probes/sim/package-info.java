/**
 * The generator's simulation: how {@code sim:<profile>} writes distractions, translates, judges and reads answers for
 * {@code clp generate}, with faults at configurable rates ({@code generator-simulation.properties}), the text it
 * writes ({@link dev.clp.probes.sim.SimulatedText}) and the record of the faults it put in
 * ({@link dev.clp.probes.sim.GroundTruth}), by which pairs are graded. No check of the generator reads it.
 */
package dev.clp.probes.sim;
