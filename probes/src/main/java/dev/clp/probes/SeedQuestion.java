package dev.clp.probes;

import dev.clp.suite.Side;
import org.apiguardian.api.API;

/**
 * One English multiple-choice question the search starts from.
 *
 * @param index 0-based position in the source file (checkpoints and provenance name it)
 * @param source source dataset, lower case ({@code mmlu})
 * @param subject subject within the source, may be null
 * @param en the question, its options and the right option's index
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record SeedQuestion(int index, String source, String subject, Side en) {
}
