package dev.clp.model;

import org.apiguardian.api.API;

/**
 * A model's answer.
 *
 * @param text the raw answer text, untrusted
 * @param finishReason why generation stopped, as reported, may be null
 * @param promptTokens tokens in, 0 when unknown
 * @param completionTokens tokens out, 0 when unknown
 * @param latencyMillis wall time of the call
 * @param letterProbabilities with {@code clp.logprobs}: the probability the model gave each option letter as the first
 *     token of its answer (from {@code top_logprobs}), by letter; null when not asked for or not reported
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ChatResponse(String text, String finishReason, int promptTokens, int completionTokens,
        long latencyMillis, java.util.Map<String, Double> letterProbabilities) {

    public ChatResponse {
        letterProbabilities = letterProbabilities == null ? null
                : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(letterProbabilities));
    }

    public ChatResponse(String text, String finishReason, int promptTokens, int completionTokens, long latencyMillis) {
        this(text, finishReason, promptTokens, completionTokens, latencyMillis, null);
    }

    /** The finish reason of an answer the model declined to give (OpenAI's {@code message.refusal}). */
    public static final String REFUSAL = "refusal";

    /** Whether the model declined to answer. */
    public boolean refused() {
        return REFUSAL.equals(finishReason);
    }
}
