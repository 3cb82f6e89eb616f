package dev.clp.suite;

import org.apiguardian.api.API;

/**
 * How a pair's question was made harder: the original question and the distraction sentences put
 * before and after it, per side, and the number of search steps that produced them.
 *
 * @param en English side, may be null
 * @param target target side, may be null
 * @param steps beam-search depth at which the pair was found, may be null
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Perturbation(Part en, Part target, Integer steps) {

    /** Original question and the distraction text around it; every field may be null. */
    public record Part(String original, String prefix, String suffix) {

        /** Characters of distraction text (prefix plus suffix). */
        public int distractionLength() {
            return (prefix == null ? 0 : prefix.length()) + (suffix == null ? 0 : suffix.length());
        }
    }
}
