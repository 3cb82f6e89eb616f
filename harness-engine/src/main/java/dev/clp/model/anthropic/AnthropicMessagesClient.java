package dev.clp.model.anthropic;

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
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.HttpUrl;
import org.apiguardian.api.API;

/**
 * The Anthropic Messages API ({@code POST <base>/v1/messages}): {@code x-api-key} and
 * {@code anthropic-version} headers, the system prompt as a separate field, {@code max_tokens} required,
 * the answer as text content blocks. Errors ({@code {"type":"error","error":{"type":…,"message":…}}},
 * 429 {@code rate_limit_error}, 529 {@code overloaded_error}) become {@link ModelException}s naming the
 * endpoint; 429, 529 and 5xx are retryable, honouring {@code retry-after} and the
 * {@code anthropic-ratelimit-*-reset} headers.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class AnthropicMessagesClient implements ModelClient {

    /** The default API base. */
    public static final String BASE_URL = "https://api.anthropic.com";
    /** The API version this client speaks. */
    public static final String DEFAULT_VERSION = "2023-06-01";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The tool a structured answer is recorded with. */
    static final String TOOL = "record_answer";

    private final HttpJson http;
    private final HttpUrl url;
    /** {@link #url} as messages show it ({@link SafeText#url}). */
    private final String shownUrl;
    private final String model;
    private final String apiKey;
    private final String apiKeyEnv;
    private final String version;
    private final CallStats stats;

    public AnthropicMessagesClient(String baseUrl, String model, String apiKey, String apiKeyEnv, String version,
            Duration timeout, CallStats stats) {
        java.util.List<String> path = HttpJson.url(baseUrl).pathSegments();
        boolean v1 = path.stream().filter(p -> !p.isEmpty()).reduce((a, b) -> b).orElse("").equals("v1");
        this.url = HttpJson.api(baseUrl, v1 ? "messages" : "v1/messages");
        this.shownUrl = SafeText.url(url);
        this.model = model;
        this.apiKey = apiKey;
        this.apiKeyEnv = apiKeyEnv;
        this.version = version;
        this.stats = stats;
        this.http = new HttpJson(this.url, timeout, stats);
    }

    /** The largest response body read ({@code clp.http.max-response-bytes}). Call before the client is used. */
    public AnthropicMessagesClient withMaxResponseBytes(long limit) {
        http.maxResponseBytes(limit);
        return this;
    }

    @Override
    public String name() {
        return "anthropic:" + model;
    }

    @Override
    public ChatResponse complete(ChatRequest request) {
        ObjectNode body = requestBody(request);
        Map<String, String> headers = new LinkedHashMap<>();
        if (apiKey != null) {
            headers.put("x-api-key", apiKey);
        }
        headers.put("anthropic-version", version);
        long start = System.nanoTime();
        HttpJson.Reply reply = http.post(url, headers, JsonBytes.utf8(JSON, body));
        if (!reply.ok()) {
            throw new ModelException(describeError(reply), reply.code(), HttpJson.retryable(reply.code()),
                    reply.waitHint(), null);
        }
        JsonNode root;
        try {
            root = http.readTree(reply.body());
        } catch (IOException e) {
            throw new ModelException("POST " + shownUrl + " returned HTTP " + reply.code() + " but the body is not JSON: "
                    + HttpJson.excerpt(reply.body(), apiKey), reply.code(), true, null, e);
        }
        ChatResponse parsed = parseMessage(root, reply.code(), reply.body());
        stats.tokens(parsed.promptTokens(), parsed.completionTokens());
        return new ChatResponse(parsed.text(), parsed.finishReason(), parsed.promptTokens(), parsed.completionTokens(),
                (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * The Messages body {@link #complete} sends for {@code request}: also a Message Batches request's {@code params}
     * ({@code dev.clp.batch}), so that a batched answer is the answer to the same request.
     */
    public ObjectNode requestBody(ChatRequest request) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", model);
        body.put("max_tokens", request.maxTokens());
        body.put("temperature", Math.min(1.0, request.temperature()));
        StringBuilder system = new StringBuilder();
        ArrayNode messages = body.putArray("messages");
        for (ChatMessage m : request.messages()) {
            if ("system".equals(m.role())) {
                system.append(system.length() == 0 ? "" : "\n\n").append(m.content());
            } else {
                messages.addObject().put("role", m.role()).put("content", m.content());
            }
        }
        if (system.length() > 0) {
            body.put("system", system.toString());
        }
        if (request.structured()) {
            // Anthropic's structured output: one tool whose input is the answer, and the model made to call it
            ObjectNode tool = body.putArray("tools").addObject();
            tool.put("name", TOOL);
            tool.put("description", "Record the letter of the chosen option.");
            tool.set("input_schema", request.answerSchema());
            body.putObject("tool_choice").put("type", "tool").put("name", TOOL);
        }
        return body;
    }

    /**
     * Reads a Message object (a batch result's {@code result.message}) as {@link #complete} reads a reply.
     *
     * @throws ModelException when it has no text or tool_use content block
     */
    public ChatResponse parseMessage(JsonNode root) {
        return parseMessage(root, 200, root.toString());
    }

    private ChatResponse parseMessage(JsonNode root, int code, String raw) {
        StringBuilder text = new StringBuilder();
        boolean any = false;
        for (JsonNode block : root.path("content")) {
            if ("tool_use".equals(block.path("type").asText()) && TOOL.equals(block.path("name").asText())
                    && block.path("input").isObject()) {
                // the tool's input is the structured answer; any text beside it is commentary
                text.setLength(0);
                text.append(block.get("input").toString());
                any = true;
                break;
            }
            if ("text".equals(block.path("type").asText()) && block.path("text").isTextual()) {
                text.append(block.get("text").asText());
                any = true;
            }
        }
        if (!any) {
            throw new ModelException("POST " + shownUrl + " returned HTTP " + code + " but no text or tool_use content block: "
                    + HttpJson.excerpt(raw, apiKey), code, true, null, null);
        }
        JsonNode usage = root.path("usage");
        int in = usage.path("input_tokens").asInt(0);
        int out = usage.path("output_tokens").asInt(0);
        String stop = root.path("stop_reason").asText(null);
        // normalised to OpenAI's names: "refusal", and "length" for a reply cut off at max_tokens
        String finish = "refusal".equals(stop) ? ChatResponse.REFUSAL : "max_tokens".equals(stop) ? "length" : stop;
        return new ChatResponse(text.toString(), finish, in, out, 0);
    }

    private String describeError(HttpJson.Reply reply) {
        String serverMessage = HttpJson.excerpt(reply.body(), apiKey);
        try {
            JsonNode err = http.readTree(reply.body()).path("error");
            if (err.path("message").isTextual()) {
                serverMessage = HttpJson.serverText(err.path("message").asText()
                        + (err.path("type").isTextual() ? " (" + err.path("type").asText() + ")" : ""), apiKey);
            }
        } catch (IOException notJson) {
            // the raw excerpt is the best description of a non-JSON error body
        }
        StringBuilder msg = new StringBuilder("POST ").append(shownUrl).append(" -> HTTP ").append(reply.code()).append(": ")
                .append(serverMessage);
        switch (reply.code()) {
            case 401, 403 -> msg.append(apiKey == null
                    ? "; no API key was sent: set " + apiKeyEnv + " (or name another variable with clp.api-key-env)"
                    : "; check the API key in the environment variable " + apiKeyEnv
                            + " (clp.api-key-env names the variable) and that it may use this endpoint");
            case 404 -> msg.append("; check clp.model ('").append(model).append("') and clp.endpoint");
            case 429 -> {
                String retryAfter = reply.header("retry-after");
                msg.append("; rate limited").append(retryAfter == null ? "" : " (retry-after: " + retryAfter + ")")
                        .append(", lower clp.concurrency");
            }
            case 529 -> msg.append("; the API is overloaded");
            default -> {
                if (reply.code() >= 500) {
                    msg.append("; the server failed");
                }
            }
        }
        return msg.toString();
    }
}
