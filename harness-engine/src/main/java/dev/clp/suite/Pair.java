package dev.clp.suite;

import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One English/target question pair.
 *
 * @param id stable id derived from content ({@link PairIds}); unique within a language file
 * @param lang BCP 47 tag of the target language
 * @param source source dataset, e.g. {@code mmlu}
 * @param subject subject within the source, may be null
 * @param en the English side
 * @param target the target-language side
 * @param perturbation how the question was perturbed, may be null
 * @param provenance who or what produced the pair (panel, rates, generator, date), never null
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Pair(String id, String lang, String source, String subject, Side en, Side target,
        Perturbation perturbation, Map<String, Object> provenance) {

    public Pair {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(lang, "lang");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(en, "en");
        Objects.requireNonNull(target, "target");
        provenance = provenance == null ? Map.of() : Map.copyOf(provenance);
    }

    /** Characters of distraction text on the given side, 0 when the pair is not perturbed. */
    public int distractionLength(boolean english) {
        if (perturbation == null) {
            return 0;
        }
        Perturbation.Part part = english ? perturbation.en() : perturbation.target();
        return part == null ? 0 : part.distractionLength();
    }
}
