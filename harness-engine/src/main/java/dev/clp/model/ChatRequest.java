package dev.clp.model;

import java.util.List;
import org.apiguardian.api.API;

/**
 * One model call.
 *
 * @param messages the conversation
 * @param temperature decoding temperature
 * @param maxTokens most tokens the answer may have
 * @param sampleIndex which of the K samples this is (0-based); part of the cache key, and the seed offset
 * @param label what the request is for, named in error messages ("pair sw-… (sw side)"); not part of the cache key
 * @param lang the language asked in, for the usage ledger; not part of the cache key
 * @param answerLetters when not null, the option letters the answer must be one of, asked for as structured
 *     output ({@code {"answer":"B"}}: OpenAI {@code response_format} json_schema, Anthropic a forced tool call);
 *     null asks for free text. Part of the cache key.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ChatRequest(List<ChatMessage> messages, double temperature, int maxTokens, int sampleIndex,
        String label, String lang, List<String> answerLetters) {

    /** The JSON property a structured answer names its option letter in. */
    public static final String ANSWER_PROPERTY = "answer";

    public ChatRequest {
        messages = List.copyOf(messages);
        label = label == null ? "a request" : label;
        lang = lang == null ? "-" : lang;
        answerLetters = answerLetters == null ? null : List.copyOf(answerLetters);
    }

    public ChatRequest(List<ChatMessage> messages, double temperature, int maxTokens, int sampleIndex,
            String label, String lang) {
        this(messages, temperature, maxTokens, sampleIndex, label, lang, null);
    }

    /** Whether the answer is asked for as structured output. */
    public boolean structured() {
        return answerLetters != null;
    }

    /**
     * The JSON schema of a structured answer: an object with one required property {@value #ANSWER_PROPERTY}
     * whose value is one of the option letters. Strict-mode compatible (no extra properties).
     */
    public com.fasterxml.jackson.databind.node.ObjectNode answerSchema() {
        var schema = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        schema.put("type", "object");
        var answer = schema.putObject("properties").putObject(ANSWER_PROPERTY);
        answer.put("type", "string");
        answer.put("description", "the letter of the chosen option");
        var allowed = answer.putArray("enum");
        (answerLetters == null ? List.<String>of() : answerLetters).forEach(allowed::add);
        schema.putArray("required").add(ANSWER_PROPERTY);
        schema.put("additionalProperties", false);
        return schema;
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
