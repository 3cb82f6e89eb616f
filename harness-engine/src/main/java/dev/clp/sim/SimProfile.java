package dev.clp.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * A simulator profile, from {@code sim-profiles.json}: a model's accuracy per language on the published Cross-Lingual
 * Pitfalls pairs (the paper's figures, {@code paper-results.json}), how accuracy depends on the distraction around a
 * question, and how its answers to the pairs of one source question are correlated.
 *
 * <p>The figures are accuracies on the published pairs as a whole, which carry distraction of varying length. The
 * accuracy at full distraction ({@link #full}) is derived from them with the published pairs' mean distraction response
 * per language and side, so that the profile's expected accuracy on the published pairs is the paper's figure.
 * Distraction is counted in English-equivalent characters ({@link AnswerKey}): a target side's distraction length
 * scaled by its pair's English-to-target question length, so that Chinese, Japanese and Korean text, three to four
 * times denser than Latin text, is as distracting as the English text it translates.
 *
 * @param name profile name
 * @param english accuracy on the English side of the published pairs, per pair language
 * @param target accuracy on the target side of the published pairs, per language
 * @param defaultEnglish accuracy on an English question outside a listed language's pairs
 * @param defaultTarget accuracy on a target question of a language the profile does not list
 * @param plainFactor error on a question without distraction = error at full distraction x plainFactor
 * @param unparseableRate share of answers in a form no extractor should accept (taken from the wrong answers)
 * @param icc intra-cluster correlation of the right/wrong outcomes of two pairs of one source question, same side
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record SimProfile(String name, Map<String, Double> english, Map<String, Double> target, double defaultEnglish,
        double defaultTarget, double plainFactor, double unparseableRate, double icc) {

    /** English-equivalent characters of distraction at which accuracy reaches the full-distraction figure. */
    public static final int FULL_DISTRACTION_CHARS = 300;

    /**
     * The intra-cluster correlation of a profile that does not set {@code icc}: 0.3. The published data holds no
     * per-pair answers of any model, so a real model's ICC cannot be measured from it; 0.3 is a moderate choice, inside
     * the 0 to 0.8 range {@code clp calibrate} proves the gates against.
     */
    public static final double DEFAULT_ICC = 0.3;

    /** The model-name option that sets the intra-cluster correlation: {@code sim:gpt-4o?icc=0.5}. */
    public static final String ICC_OPTION = "icc";

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
        int options = asked.indexOf('?');
        if (options >= 0) {
            return withOptions(named(asked.substring(0, options)), asked.substring(options + 1));
        }
        // the paper spells them llama-3.1-8B, GPT-4o: a profile is found whatever the case
        String name = names().stream().filter(n -> n.equalsIgnoreCase(asked)).findFirst().orElse(asked);
        JsonNode node = PROFILES.get(name);
        if (node == null || name.startsWith("_")) {
            throw new IllegalArgumentException("no simulator profile '" + name + "'; known: " + names());
        }
        if (node.has("alias")) {
            SimProfile t = named(node.get("alias").asText());
            return new SimProfile(name, t.english, t.target, t.defaultEnglish, t.defaultTarget, t.plainFactor,
                    t.unparseableRate, t.icc);
        }
        Map<String, Double> english = new HashMap<>();
        Map<String, Double> target = new HashMap<>();
        double defaultEnglish;
        double defaultTarget;
        if (node.has("paper")) {
            PaperResults table = PaperResults.TABLE;
            int model = table.model(node.get("paper").asText());
            for (String lang : table.languages().keySet()) {
                english.put(lang, table.accuracy(model, lang, true));
                target.put(lang, table.accuracy(model, lang, false) + node.path("targetShift").path(lang).asDouble(0));
            }
            defaultEnglish = table.pooled(model, true);
            defaultTarget = table.pooled(model, false);
        } else {
            defaultEnglish = node.path("accuracy").asDouble(1.0);
            defaultTarget = defaultEnglish;
        }
        return new SimProfile(name, Map.copyOf(english), Map.copyOf(target), defaultEnglish, defaultTarget,
                node.path("plainFactor").asDouble(0.25), node.path("unparseableRate").asDouble(0.0),
                node.path("icc").asDouble(DEFAULT_ICC));
    }

    /**
     * A profile with the options of a model name's {@code ?name=value&...} part: {@value #ICC_OPTION} the intra-cluster
     * correlation ({@code sim:gpt-4o?icc=0.5}). The options stay in the profile's name, so the model's name (and the
     * cache key) differs from the profile's without them.
     */
    private static SimProfile withOptions(SimProfile base, String options) {
        SimProfile p = base;
        for (String option : options.split("&", -1)) {
            int eq = option.indexOf('=');
            String key = eq < 0 ? option : option.substring(0, eq);
            if (!ICC_OPTION.equals(key) || eq < 0) {
                throw new IllegalArgumentException("'sim:" + base.name + "?" + options + "': unknown option '" + key
                        + "'; known: " + ICC_OPTION + "=<0..1>");
            }
            String value = option.substring(eq + 1);
            double icc;
            try {
                icc = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'sim:" + base.name + "?" + options + "': " + ICC_OPTION + " '" + value
                        + "' is not a number", e);
            }
            try {
                p = p.withIcc(icc);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'sim:" + base.name + "?" + options + "': " + e.getMessage(), e);
            }
        }
        return new SimProfile(base.name + "?" + options, p.english, p.target, p.defaultEnglish, p.defaultTarget,
                p.plainFactor, p.unparseableRate, p.icc);
    }

    /** This profile with another intra-cluster correlation. */
    public SimProfile withIcc(double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("an intra-cluster correlation is between 0 and 1, not " + value);
        }
        return new SimProfile(name, english, target, defaultEnglish, defaultTarget, plainFactor, unparseableRate, value);
    }

    /**
     * The profile's accuracy on the published pairs: of the English side of a language's pairs ({@code asked} "en",
     * {@code pairLang} the pair's language, or null for the English questions of all languages together), or of the
     * target side ({@code asked} the target language).
     */
    public double published(String asked, String pairLang) {
        return "en".equals(asked) ? english.getOrDefault(pairLang == null ? "" : pairLang, defaultEnglish)
                : target.getOrDefault(asked, defaultTarget);
    }

    /**
     * Accuracy at full distraction, derived so that the mean over the published pairs is {@link #published}: with the
     * pairs' mean distraction response r, published = 1 - (1 - full) x (plainFactor + (1 - plainFactor) x r).
     */
    public double full(String asked, String pairLang) {
        boolean en = "en".equals(asked);
        double r = PaperResults.TABLE.response(en ? pairLang : asked, en);
        double weight = plainFactor + (1 - plainFactor) * r;
        double error = 1 - published(asked, pairLang);
        return weight <= 0 ? 1.0 : Math.max(0.0, Math.min(1.0, 1 - error / weight));
    }

    /**
     * Probability of a right answer.
     *
     * @param asked the language the question is asked in
     * @param pairLang the target language of the pair it belongs to, null for a question outside a pair
     * @param distraction English-equivalent characters of distraction text around the question
     */
    public double accuracy(String asked, String pairLang, int distraction) {
        double full = full(asked, pairLang);
        double plain = 1.0 - (1.0 - full) * plainFactor;
        double share = Math.min(1.0, Math.max(0, distraction) / (double) FULL_DISTRACTION_CHARS);
        return plain + (full - plain) * share;
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
