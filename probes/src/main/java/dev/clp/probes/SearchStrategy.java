package dev.clp.probes;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How the beam search spends its calls. Each strategy is one class in this package; {@link Generator} does what they
 * share (seed preparation and batching, the call ledger and checkpoint, accepting a pair and writing its
 * provenance, through a {@link Search}) and hands every batch of prepared seeds to {@link #search}.
 *
 * <p>A new strategy is a final class implementing this interface, added to {@code permits} and to {@link #all()}; its
 * name is what {@code --strategy} takes and what provenance, checkpoint files and the fingerprint record.
 */
@org.apiguardian.api.API(status = org.apiguardian.api.API.Status.INTERNAL, since = "0.1")
public sealed interface SearchStrategy permits ReferenceStrategy, ImprovedStrategy {

    /**
     * The published algorithm, as close as this project's models and suite format allow (the remaining differences:
     * probes/README.md): its prompts, two-call seed translation with the answer matched by its translated text, every
     * panel member answering every candidate in English and, when all are right, in the target language from the
     * options as a list, each answer read by a second call returning the chosen option's text; {@code max_good}
     * counting only pairs at target rate 0.2 or less, no limit per seed, eva.py's 0.2 filter; no checks.
     */
    SearchStrategy REFERENCE = new ReferenceStrategy();

    /**
     * The default: the same search with one call per graded answer (local extraction), early stopping in the
     * panel, a meaning check (LLM judge plus back-translation) of every perturbation before it is kept, an
     * answer-alignment check of every translated question, a language-identity check of translated text and
     * near-duplicate detection against the suite.
     */
    SearchStrategy IMPROVED = new ImprovedStrategy();

    /** The name {@code --strategy} takes, in lower case: {@code reference}, {@code improved}. */
    String name();

    /** How panel answers are read unless the settings say otherwise. */
    GeneratorSettings.Extraction extraction();

    /** Whether the panel stops asking once a candidate's fate is known, unless the settings say otherwise. */
    boolean earlyStop();

    /** Whether the meaning, alignment and language-identity checks run, unless the settings say otherwise. */
    boolean checks();

    /**
     * Searches one batch of prepared seeds, accepting pairs through {@link Search#accept}.
     *
     * @param batchIndex the batch's number, under which accepted pairs are checkpointed
     */
    void search(Search search, int batchIndex, List<SeedPreparation.Prepared> batch);

    /** Every strategy, in the order {@code --compare} runs them. */
    static List<SearchStrategy> all() {
        return List.of(REFERENCE, IMPROVED);
    }

    /**
     * The strategy of a name (any case).
     *
     * @throws GeneratorException naming the known strategies when there is none of that name
     */
    static SearchStrategy named(String name) {
        return all().stream().filter(s -> s.name().equalsIgnoreCase(name.strip())).findFirst()
                .orElseThrow(() -> new GeneratorException("unknown strategy '" + name + "'; known: "
                        + all().stream().map(SearchStrategy::name).sorted().collect(Collectors.joining(", "))));
    }

    /** The name in upper case, as checkpoint fingerprints have recorded it since the strategies were an enum. */
    static String fingerprintName(SearchStrategy strategy) {
        return strategy.name().toUpperCase(Locale.ROOT);
    }
}
