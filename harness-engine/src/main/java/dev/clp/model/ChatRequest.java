package dev.clp.model;

import java.util.List;

/**
 * One model call.
 *
 * @param messages the conversation
 * @param temperature decoding temperature
 * @param maxTokens most tokens the answer may have
 * @param sampleIndex which of the K samples this is (0-based); part of the cache key, and the seed offset
 * @param label what the request is for, named in error messages ("pair sw-… (sw side)"); not part of the cache key
 * @param lang the language asked in, for the usage ledger; not part of the cache key
 */
public record ChatRequest(List<ChatMessage> messages, double temperature, int maxTokens, int sampleIndex,
        String label, String lang) {

    public ChatRequest {
        messages = List.copyOf(messages);
        label = label == null ? "a request" : label;
        lang = lang == null ? "-" : lang;
    }

    public ChatRequest(List<ChatMessage> messages, double temperature, int maxTokens, int sampleIndex) {
        this(messages, temperature, maxTokens, sampleIndex, null, null);
    }

    /** The text of the last user message. */
    public String lastUserText() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if ("user".equals(messages.get(i).role())) {
                return messages.get(i).content();
            }
        }
        return "";
    }
}
