package dev.clp.model;

/**
 * A model's answer.
 *
 * @param text the raw answer text, untrusted
 * @param finishReason why generation stopped, as reported, may be null
 * @param promptTokens tokens in, 0 when unknown
 * @param completionTokens tokens out, 0 when unknown
 * @param latencyMillis wall time of the call
 */
public record ChatResponse(String text, String finishReason, int promptTokens, int completionTokens,
        long latencyMillis) {

    /** The finish reason of an answer the model declined to give (OpenAI's {@code message.refusal}). */
    public static final String REFUSAL = "refusal";

    /** Whether the model declined to answer. */
    public boolean refused() {
        return REFUSAL.equals(finishReason);
    }
}
