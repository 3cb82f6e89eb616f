package dev.clp.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * A simulator profile: per-language accuracy on plain questions and on Cross-Lingual Pitfalls questions,
 * from {@code sim-profiles.json} (sources and assumptions documented there).
 *
 * @param name profile name
 * @param pitfall accuracy per language at full distraction
 * @param defaultPitfall accuracy for languages the profile does not list
 * @param plainFactor error on a plain question = pitfall error x plainFactor
 * @param distractionChars distraction length at which accuracy reaches the pitfall figure
 * @param unparseableRate share of answers in a form no extractor should accept
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record SimProfile(String name, Map<String, Double> pitfall, double defaultPitfall, double plainFactor,
        int distractionChars, double unparseableRate) {

    private static final JsonNode PROFILES = load();

    /** Names of the profiles shipped with the engine. */
    public static Set<String> names() {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = PROFILES.fieldNames(); it.hasNext(); ) {
            String n = it.next();
            if (!n.startsWith("_")) {
                names.add(n);
            }
        }
        return names;
    }

    /**
     * Looks up a profile.
     *
     * @throws IllegalArgumentException naming the known profiles when there is no such profile
     */
    public static SimProfile named(String asked) {
        // the paper spells them llama-3.1-8B, GPT-4o: a profile is found whatever the case
        String name = names().stream().filter(n -> n.equalsIgnoreCase(asked)).findFirst().orElse(asked);
        JsonNode node = PROFILES.get(name);
        if (node == null || name.startsWith("_")) {
            throw new IllegalArgumentException("no simulator profile '" + name + "'; known: " + names());
        }
        if (node.has("alias")) {
            SimProfile target = named(node.get("alias").asText());
            return new SimProfile(name, target.pitfall, target.defaultPitfall, target.plainFactor,
                    target.distractionChars, target.unparseableRate);
        }
        Map<String, Double> pitfall = new java.util.HashMap<>();
        node.path("pitfall").properties().forEach(e -> pitfall.put(e.getKey(), e.getValue().asDouble()));
        return new SimProfile(name, Map.copyOf(pitfall), node.path("defaultPitfall").asDouble(0.5),
                node.path("plainFactor").asDouble(0.25), node.path("distractionChars").asInt(600),
                node.path("unparseableRate").asDouble(0.0));
    }

    /** Probability of a right answer in a language for a question with this much distraction text. */
    public double accuracy(String lang, int distraction) {
        double pit = pitfall.getOrDefault(lang, defaultPitfall);
        double plain = 1.0 - (1.0 - pit) * plainFactor;
        double share = Math.min(1.0, distraction / (double) Math.max(1, distractionChars));
        return plain + (pit - plain) * share;
    }

    private static JsonNode load() {
        try (InputStream in = SimProfile.class.getResourceAsStream("sim-profiles.json")) {
            if (in == null) {
                throw new IllegalStateException("sim-profiles.json is missing from the harness-engine jar");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sim-profiles.json", e);
        }
    }
}
