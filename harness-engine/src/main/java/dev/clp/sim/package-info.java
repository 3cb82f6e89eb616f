/**
 * The offline simulator {@code sim:<profile>}: {@link dev.clp.sim.SimulatedModel} with its
 * {@link dev.clp.sim.SimProfile}s and {@link dev.clp.sim.AnswerKey}, the {@code sim} provider, the simulator over
 * HTTP ({@link dev.clp.sim.SimulatorServer}, {@code clp serve-sim}) and the {@link dev.clp.sim.SimulatedTask}
 * extension point through which other modules teach it their prompts. It depends on the engine's packages, never the
 * other way round ({@code ArchitectureTest}): the real model path does not know it exists.
 */
package dev.clp.sim;
