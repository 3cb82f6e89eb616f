package dev.clp.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The paper's per-model counts of right answers on the published pairs ({@code paper-results.json}, sources there),
 * and the mean distraction response of the published pairs per language and side, from which {@link SimProfile}
 * derives its accuracy at full distraction.
 */
final class PaperResults {

    /** One language: pairs, right answers per model on each side, and the pairs' mean distraction response. */
    record Language(String tag, String name, int pairs, int[] english, int[] target, Double englishResponse,
            Double targetResponse) {
    }

    static final PaperResults TABLE = load();

    private final List<String> models;
    private final Map<String, Language> languages;

    private PaperResults(List<String> models, Map<String, Language> languages) {
        this.models = List.copyOf(models);
        this.languages = languages;
    }

    List<String> models() {
        return models;
    }

    Map<String, Language> languages() {
        return languages;
    }

    /** The model's index in the table, whatever the case. */
    int model(String name) {
        for (int i = 0; i < models.size(); i++) {
            if (models.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("sim-profiles.json: no model '" + name + "' in paper-results.json; known: "
                + models);
    }

    /** The paper's accuracy of a model on a language's published pairs, on the English or the target side. */
    double accuracy(int model, String lang, boolean english) {
        Language l = languages.get(lang);
        return (english ? l.english() : l.target())[model] / (double) l.pairs();
    }

    /** The model's accuracy over the pairs of all languages together (for a language or question outside them). */
    double pooled(int model, boolean english) {
        long right = 0;
        long pairs = 0;
        for (Language l : languages.values()) {
            right += (english ? l.english() : l.target())[model];
            pairs += l.pairs();
        }
        return right / (double) pairs;
    }

    /**
     * The mean distraction response of a language's published pairs on one side; for a language without published
     * pairs (or no language), the mean over the languages that have them.
     */
    double response(String lang, boolean english) {
        Language l = lang == null ? null : languages.get(lang);
        Double own = l == null ? null : english ? l.englishResponse() : l.targetResponse();
        if (own != null) {
            return own;
        }
        return languages.values().stream().map(x -> english ? x.englishResponse() : x.targetResponse())
                .filter(x -> x != null).mapToDouble(Double::doubleValue).average().orElse(1.0);
    }

    private static PaperResults load() {
        try (InputStream in = PaperResults.class.getResourceAsStream("paper-results.json")) {
            if (in == null) {
                throw new IllegalStateException("paper-results.json is missing from the harness-engine jar");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            List<String> models = new ArrayList<>();
            root.path("models").forEach(m -> models.add(m.asText()));
            Map<String, Language> languages = new LinkedHashMap<>();
            root.path("languages").properties().forEach(e -> {
                JsonNode n = e.getValue();
                JsonNode r = n.path("response");
                languages.put(e.getKey(), new Language(e.getKey(), n.path("name").asText(), n.path("pairs").asInt(),
                        ints(n.path("english"), models.size()), ints(n.path("target"), models.size()),
                        r.has("english") ? r.get("english").asDouble() : null,
                        r.has("target") ? r.get("target").asDouble() : null));
            });
            return new PaperResults(models, java.util.Collections.unmodifiableMap(languages));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read paper-results.json", e);
        }
    }

    private static int[] ints(JsonNode array, int size) {
        if (array.size() != size) {
            throw new IllegalStateException("paper-results.json: " + array.size() + " counts where there are " + size
                    + " models");
        }
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }
}
