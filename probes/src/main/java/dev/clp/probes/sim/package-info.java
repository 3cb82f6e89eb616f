/**
 * The generator's simulation: how {@code sim:<profile>} answers {@code clp generate}'s prompts
 * ({@link dev.clp.probes.sim.GeneratorSimulation}, a {@link dev.clp.sim.SimulatedTask}) and the marks it leaves in
 * the text it writes ({@link dev.clp.probes.sim.SimulatedText}). Only the generator's guards against shipping
 * simulated text and its checks read those marks ({@code ProbesArchitectureTest}).
 */
package dev.clp.probes.sim;
