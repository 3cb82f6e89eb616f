package dev.clp.archfixtures;

import dev.clp.sim.SimProfile;

/** Breaks the rule that nothing outside {@code dev.clp.sim} depends on it (ProvidersArchitectureTest). */
final class EngineThatKnowsTheSimulator {

    private EngineThatKnowsTheSimulator() {
    }

    static double accuracy() {
        return SimProfile.named("perfect").accuracy("sw", "sw", 0);
    }
}
