package dev.clp.probes;

import org.apiguardian.api.API;

/** How the beam search spends its calls. */
@API(status = API.Status.INTERNAL, since = "0.1")
public enum Strategy {
    /**
     * The published algorithm as it is: every panel member answers every candidate in English and, when all are
     * right, in the target language, and a second model call reads each answer ({@code final_answer}); no checks
     * of the perturbation or the translation.
     */
    REFERENCE,
    /**
     * The default: the same search with one call per graded answer (local extraction), early stopping in the
     * panel, a meaning check (LLM judge plus back-translation) of every perturbation before it is kept, an
     * answer-alignment check of every translated question, a language-identity check of translated text and
     * near-duplicate detection against the suite.
     */
    IMPROVED
}
