package dev.clp.model.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clp.model.CallStats;
import dev.clp.model.ChatMessage;
import dev.clp.model.ChatRequest;
import dev.clp.model.ChatResponse;
import dev.clp.model.ModelClient;
import dev.clp.model.ModelException;
import dev.clp.model.SafeText;
import dev.clp.model.http.HttpJson;
import dev.clp.model.http.JsonBytes;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import okhttp3.HttpUrl;
import org.apiguardian.api.API;

/**
 * OpenAI chat completions ({@code POST <base>/chat/completions}) over the shared OkHttp client. Works with
 * any OpenAI-compatible server: vLLM, Ollama ({@code /v1}), llama.cpp server, LM Studio.
 *
 * <p>Failure contract: every failure is a {@link ModelException} whose message names the method, URL,
 * HTTP status and the server's own error message, plus what to check; the API key never appears in it.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class OpenAiChatClient implements ModelClient {

    /** The default base URL of provider {@code openai}. */
    public static final String BASE_URL = "https://api.openai.com/v1";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpJson http;
    private final String authHeader;
    private final String authPrefix;
    private final boolean includeModel;
    private final HttpUrl url;
    /** {@link #url} as messages show it ({@link SafeText#url}). */
    private final String shownUrl;
    private final String model;
    private final String apiKey;
    private final String apiKeyEnv;
    private final CallStats stats;
    private final Long seed;
    /** {@link #reasoningModel} of {@link #model}, known once (a regular expression per call cost a regex per call). */
    private final boolean reasoning;
    /** Set once, before the client is shared ({@link #withLogprobs}). */
    private boolean logprobs;

    /**
     * @param baseUrl e.g. {@code https://api.openai.com/v1} or {@code http://127.0.0.1:8000/v1}
     * @param model the model name the server knows
     * @param apiKey the key, or null for servers without authentication
     * @param apiKeyEnv the environment variable the key came from, named in error messages
     * @param timeout per-call timeout
     */
    public OpenAiChatClient(String baseUrl, String model, String apiKey, String apiKeyEnv, Duration timeout) {
        this(baseUrl, model, apiKey, apiKeyEnv, timeout, new CallStats(), null);
    }

    /**
     * As above, counting calls and tokens into {@code stats}.
     *
     * @param seed sent as {@code seed} (plus the sample index) for best-effort reproducible sampling; null: not sent
     */
    public OpenAiChatClient(String baseUrl, String model, String apiKey, String apiKeyEnv, Duration timeout,
            CallStats stats, Long seed) {
        this(HttpJson.api(baseUrl, "chat/completions"), "Authorization", "Bearer ", true, model, apiKey,
                apiKeyEnv, timeout, stats, seed);
    }

    /**
     * Azure OpenAI: {@code <endpoint>/openai/deployments/<deployment>/chat/completions?api-version=<v>} with an
     * {@code api-key} header; the deployment names the model.
     */
    public static OpenAiChatClient azure(String endpoint, String deployment, String apiVersion, String apiKey,
            String apiKeyEnv, Duration timeout, CallStats stats, Long seed) {
        HttpUrl url = HttpJson.url(endpoint).newBuilder().addPathSegments("openai/deployments")
                .addPathSegment(deployment).addPathSegments("chat/completions")
                .addQueryParameter("api-version", apiVersion).build();
        return new OpenAiChatClient(url, "api-key", "", false, deployment, apiKey, apiKeyEnv, timeout, stats, seed);
    }

    private OpenAiChatClient(HttpUrl url, String authHeader, String authPrefix, boolean includeModel, String model,
            String apiKey, String apiKeyEnv, Duration timeout, CallStats stats, Long seed) {
        this.url = url;
        this.shownUrl = SafeText.url(url);
        this.authHeader = authHeader;
        this.authPrefix = authPrefix;
        this.includeModel = includeModel;
        this.model = model;
        this.apiKey = apiKey;
        this.apiKeyEnv = apiKeyEnv;
        this.stats = stats;
        this.seed = seed;
        this.reasoning = reasoningModel(model);
        this.http = new HttpJson(this.url, timeout, stats);
    }

    /**
     * Asks for {@code logprobs} ({@code top_logprobs} 5) with free-text answers of non-reasoning models, and reports the
     * option letters' probabilities as the answer's first token ({@link ChatResponse#letterProbabilities()}).
     * Call before the client is used.
     */
    public OpenAiChatClient withLogprobs(boolean on) {
        this.logprobs = on;
        return this;
    }

    /** The largest response body read ({@code clp.http.max-response-bytes}). Call before the client is used. */
    public OpenAiChatClient withMaxResponseBytes(long limit) {
        http.maxResponseBytes(limit);
        return this;
    }

    /** Whether requests ask for log probabilities (part of the cache key). */
    public boolean logprobs() {
        return logprobs;
    }

    @Override
    public String name() {
        return (includeModel ? "openai:" : "azure:") + model;
    }

    @Override
    public ChatResponse complete(ChatRequest request) {
        ObjectNode body = requestBody(request);
        boolean withLogprobs = asksLogprobs(request);
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        if (apiKey != null) {
            headers.put(authHeader, authPrefix + apiKey);
        }
        long start = System.nanoTime();
        HttpJson.Reply reply = http.post(url, headers, JsonBytes.utf8(JSON, body));
        if (!reply.ok()) {
            throw new ModelException(describeError(reply, request.structured()), reply.code(),
                    HttpJson.retryable(reply.code()), reply.waitHint(), null);
        }
        ChatResponse parsed = parse(reply.body(), (System.nanoTime() - start) / 1_000_000, withLogprobs);
        stats.tokens(parsed.promptTokens(), parsed.completionTokens());
        return parsed;
    }

    private boolean asksLogprobs(ChatRequest request) {
        return logprobs && !request.structured() && !reasoning;
    }

    /**
     * The chat completions body {@link #complete} sends for {@code request}: also what a batch input line carries
     * ({@code dev.clp.batch}), so that a batched answer is the answer to the same request.
     */
    public ObjectNode requestBody(ChatRequest request) {
        ObjectNode body = JSON.createObjectNode();
        if (includeModel) {
            body.put("model", model);
        }
        ArrayNode messages = body.putArray("messages");
        for (ChatMessage m : request.messages()) {
            messages.addObject().put("role", m.role()).put("content", m.content());
        }
        if (reasoning) {
            // o-series and gpt-5 models reject max_tokens and any temperature but the default
            body.put("max_completion_tokens", request.maxTokens());
        } else {
            body.put("temperature", request.temperature());
            body.put("max_tokens", request.maxTokens());
        }
        if (seed != null) {
            body.put("seed", seed + request.sampleIndex());
        }
        if (asksLogprobs(request)) {
            body.put("logprobs", true);
            body.put("top_logprobs", TOP_LOGPROBS);
        }
        if (request.structured()) {
            ObjectNode format = body.putObject("response_format");
            format.put("type", "json_schema");
            ObjectNode schema = format.putObject("json_schema");
            schema.put("name", "mcq_answer");
            schema.put("strict", true);
            schema.set("schema", request.answerSchema());
        }
        return body;
    }

    /**
     * Reads a chat completion object (a batch output line's {@code response.body}) as {@link #complete} reads the
     * reply to {@code request}.
     *
     * @throws ModelException when it is not JSON or has no {@code choices[0].message.content}
     */
    public ChatResponse parseCompletion(ChatRequest request, String completion) {
        return parse(completion, 0, asksLogprobs(request));
    }

    private ChatResponse parse(String text, long millis, boolean withLogprobs) {
        JsonNode root;
        try {
            root = http.readTree(text);
        } catch (IOException e) {
            throw new ModelException("POST " + shownUrl + " returned HTTP 200 but the body is not JSON: "
                    + excerpt(text), 200, true, null, e);
        }
        if (root.path("system_fingerprint").isTextual()) {
            stats.fingerprint(root.get("system_fingerprint").asText());
        }
        JsonNode message = root.path("choices").path(0).path("message");
        JsonNode content = message.path("content");
        JsonNode usage = root.path("usage");
        if (!content.isTextual() && message.path("refusal").isTextual()) {
            // structured outputs: a refusal comes in its own field, with no content
            return new ChatResponse(message.get("refusal").asText(), ChatResponse.REFUSAL,
                    usage.path("prompt_tokens").asInt(0), usage.path("completion_tokens").asInt(0), millis);
        }
        if (!content.isTextual()) {
            throw new ModelException("POST " + shownUrl + " returned HTTP 200 but no choices[0].message.content: "
                    + excerpt(text), 200, true, null, null);
        }
        return new ChatResponse(content.asText(), root.path("choices").path(0).path("finish_reason").asText(null),
                usage.path("prompt_tokens").asInt(0), usage.path("completion_tokens").asInt(0), millis,
                withLogprobs ? letterProbabilities(root.path("choices").path(0).path("logprobs")) : null);
    }

    static final int TOP_LOGPROBS = 5;
    private static final java.util.regex.Pattern LETTER_TOKEN = java.util.regex.Pattern.compile("[(*]*([A-J])[).:*]*");

    /**
     * The option letters among the first content token's {@code top_logprobs} (a token such as {@code "B"},
     * {@code " B"} or {@code "(B"}), as probabilities, summed per letter; null when the server sent no logprobs.
     */
    static Map<String, Double> letterProbabilities(JsonNode logprobs) {
        JsonNode first = logprobs.path("content").path(0);
        if (first.isMissingNode()) {
            return null;
        }
        Map<String, Double> out = new java.util.TreeMap<>();
        JsonNode top = first.path("top_logprobs");
        for (JsonNode t : top.isArray() && !top.isEmpty() ? top : JSON.createArrayNode().add(first)) {
            java.util.regex.Matcher m = LETTER_TOKEN.matcher(t.path("token").asText("").strip());
            if (m.matches() && t.path("logprob").isNumber()) {
                out.merge(m.group(1), Math.exp(t.path("logprob").asDouble()), Double::sum);
            }
        }
        return out;
    }

    /** OpenAI's reasoning models (o1, o3, o4-mini, gpt-5 …) take max_completion_tokens and no temperature. */
    public static boolean reasoningModel(String model) {
        String m = model.toLowerCase(java.util.Locale.ROOT);
        return m.matches("^o\\d.*") || m.startsWith("gpt-5");
    }

    private String describeError(HttpJson.Reply reply, boolean structured) {
        String body = reply.body();
        String serverMessage = excerpt(body);
        try {
            JsonNode err = http.readTree(body).path("error");
            if (err.path("message").isTextual()) {
                serverMessage = err.path("message").asText();
                if (err.path("code").isTextual()) {
                    serverMessage += " (code " + err.path("code").asText() + ")";
                }
            }
        } catch (IOException notJson) {
            // the raw excerpt is the best description of a non-JSON error body
        }
        StringBuilder msg = new StringBuilder("POST ").append(shownUrl).append(" -> HTTP ").append(reply.code())
                .append(": ").append(HttpJson.serverText(serverMessage, apiKey));
        switch (reply.code()) {
            case 401, 403 -> msg.append(apiKey == null
                    ? "; no API key was sent: set " + apiKeyEnv + " (or name another variable with clp.api-key-env)"
                    : "; check the API key in the environment variable " + apiKeyEnv
                            + " (clp.api-key-env names the variable) and that it may use this endpoint");
            case 404 -> msg.append("; check clp.model ('").append(model).append("') and clp.endpoint");
            case 400 -> {
                if (structured) {
                    msg.append("; structured output was requested (clp.answer-format=json): if this endpoint does "
                            + "not support response_format json_schema, set clp.answer-format=text");
                }
            }
            case 429 -> {
                String retryAfter = reply.header("Retry-After");
                msg.append("; rate limited").append(retryAfter == null ? "" : " (Retry-After: " + retryAfter + ")")
                        .append(", lower clp.concurrency");
            }
            default -> {
                if (reply.code() >= 500) {
                    msg.append("; the server failed");
                }
            }
        }
        return msg.toString();
    }

    private String excerpt(String text) {
        return HttpJson.excerpt(text, apiKey);
    }

}
