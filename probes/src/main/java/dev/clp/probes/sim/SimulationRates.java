package dev.clp.probes.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The rates of the generator's simulation, from {@code generator-simulation.properties} beside this class; a system
 * property {@code generator-sim.<name>} overrides one. A missing or malformed value fails naming the key.
 */
final class SimulationRates {

    private static final Properties DEFAULTS = load();

    private SimulationRates() {
    }

    /**
     * The rate of that name, a number (a share in [0, 1] for every name but the reader's persuasion scale and shape,
     * pull strength and aim).
     */
    static double get(String name) {
        String key = "generator-sim." + name;
        String value = System.getProperty(key, DEFAULTS.getProperty(name));
        if (value == null) {
            throw new IllegalStateException("generator-simulation.properties has no '" + name + "'");
        }
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": '" + value + "' is not a number", e);
        }
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = SimulationRates.class.getResourceAsStream("generator-simulation.properties")) {
            if (in == null) {
                throw new IllegalStateException("generator-simulation.properties is missing from the probes jar");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read generator-simulation.properties", e);
        }
        return p;
    }
}
