package dev.clp.scoring;

import org.apiguardian.api.API;

/** What the extractor made of a raw answer: a choice, or nothing usable. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public sealed interface Extraction {

    /** How the reason of a reply cut off at the token limit starts; reports count these apart. */
    String TRUNCATED = "truncated";

    /** A choice was found. {@code method} says which layer found it. */
    record Choice(int index, String method) implements Extraction {
    }

    /** No choice could be extracted; the reason says why (refusal, ambiguous, empty, truncated ...). */
    record Unparseable(String reason) implements Extraction {

        /** Whether the reply was cut off at the token limit (the reason starts with {@value Extraction#TRUNCATED}). */
        public boolean truncated() {
            return reason.startsWith(TRUNCATED);
        }
    }

    /**
     * The extraction of a reply the provider stopped at the token limit: never a letter, since the part that was
     * cut off may have changed the answer.
     */
    static Unparseable truncated(String finishReason) {
        return new Unparseable(TRUNCATED + ": the reply was cut off at the token limit (finish reason " + finishReason
                + ") before it was complete; raise clp.max-tokens");
    }

    /**
     * Whether a provider's stop reason means the token limit: OpenAI {@code length}, Anthropic {@code max_tokens},
     * Gemini {@code MAX_TOKENS}, the Responses API {@code max_output_tokens}.
     */
    static boolean isTruncation(String finishReason) {
        if (finishReason == null) {
            return false;
        }
        String r = finishReason.strip().toLowerCase(java.util.Locale.ROOT);
        return r.equals("length") || r.equals("max_tokens") || r.equals("max_output_tokens");
    }
}
