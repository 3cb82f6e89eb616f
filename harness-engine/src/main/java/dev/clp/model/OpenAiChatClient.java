package dev.clp.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * OpenAI chat completions ({@code POST <base>/chat/completions}) over the shared OkHttp client. Works with
 * any OpenAI-compatible server: vLLM, Ollama ({@code /v1}), llama.cpp server, LM Studio.
 *
 * <p>Failure contract: every failure is a {@link ModelException} whose message names the method, URL,
 * HTTP status and the server's own error message, plus what to check; the API key never appears in it.
 */
public final class OpenAiChatClient implements ModelClient {

    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** One client for the process; the pool keeps enough idle connections for high concurrency on one host. */
    private static final OkHttpClient SHARED = new OkHttpClient.Builder()
            .connectionPool(new ConnectionPool(256, 5, TimeUnit.MINUTES))
            .build();

    private final OkHttpClient http;
    private final HttpUrl url;
    private final String model;
    private final String apiKey;
    private final String apiKeyEnv;
    private final CallStats stats;
    private final Long seed;

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
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        HttpUrl parsed = HttpUrl.parse(base + "/chat/completions");
        if (parsed == null) {
            throw new IllegalArgumentException("not an http(s) URL: '" + baseUrl + "'");
        }
        this.url = parsed;
        this.model = model;
        this.apiKey = apiKey;
        this.apiKeyEnv = apiKeyEnv;
        this.stats = stats;
        this.seed = seed;
        this.http = SHARED.newBuilder().callTimeout(timeout).readTimeout(timeout).build();
    }

    @Override
    public String name() {
        return "openai:" + model;
    }

    @Override
    public ChatResponse complete(ChatRequest request) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", model);
        ArrayNode messages = body.putArray("messages");
        for (ChatMessage m : request.messages()) {
            messages.addObject().put("role", m.role()).put("content", m.content());
        }
        if (reasoningModel(model)) {
            // o-series and gpt-5 models reject max_tokens and any temperature but the default
            body.put("max_completion_tokens", request.maxTokens());
        } else {
            body.put("temperature", request.temperature());
            body.put("max_tokens", request.maxTokens());
        }
        if (seed != null) {
            body.put("seed", seed + request.sampleIndex());
        }
        Request.Builder http = new Request.Builder().url(url)
                .header("Accept", "application/json")
                .post(RequestBody.create(body.toString(), JSON_TYPE));
        if (apiKey != null) {
            http.header("Authorization", "Bearer " + apiKey);
        }
        long start = System.nanoTime();
        stats.call();
        try (Response response = this.http.newCall(http.build()).execute()) {
            String text = readBody(response.body());
            if (!response.isSuccessful()) {
                int code = response.code();
                throw new ModelException(describeError(response, text), code, retryable(code),
                        RateLimitHeaders.waitHint(response::header, Instant.now()).orElse(null), null);
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            ChatResponse parsed = parse(text, millis);
            stats.tokens(parsed.promptTokens(), parsed.completionTokens());
            return parsed;
        } catch (ConnectException e) {
            throw new ModelException("POST " + url + " failed: cannot connect (" + e.getMessage()
                    + "); is the server running and clp.endpoint right?", 0, true, null, e);
        } catch (InterruptedIOException e) {
            throw new ModelException("POST " + url + " timed out (" + e.getMessage()
                    + "); raise clp.timeout-seconds or check the server", 0, true, null, e);
        } catch (IOException e) {
            throw new ModelException("POST " + url + " failed: " + e, 0, true, null, e);
        }
    }

    private ChatResponse parse(String text, long millis) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (IOException e) {
            throw new ModelException("POST " + url + " returned HTTP 200 but the body is not JSON: "
                    + excerpt(text), 200, true, null, e);
        }
        JsonNode message = root.path("choices").path(0).path("message");
        JsonNode content = message.path("content");
        if (!content.isTextual()) {
            throw new ModelException("POST " + url + " returned HTTP 200 but no choices[0].message.content: "
                    + excerpt(text), 200, true, null, null);
        }
        JsonNode usage = root.path("usage");
        return new ChatResponse(content.asText(), root.path("choices").path(0).path("finish_reason").asText(null),
                usage.path("prompt_tokens").asInt(0), usage.path("completion_tokens").asInt(0), millis);
    }

    /** OpenAI's reasoning models (o1, o3, o4-mini, gpt-5 …) take max_completion_tokens and no temperature. */
    static boolean reasoningModel(String model) {
        String m = model.toLowerCase(java.util.Locale.ROOT);
        return m.matches("^o\\d.*") || m.startsWith("gpt-5");
    }

    /** 408, 409, 429 and 5xx may pass on a later try; 400, 401, 403, 404 and the rest will not. */
    static boolean retryable(int code) {
        return code == 408 || code == 409 || code == 429 || code >= 500;
    }

    private String describeError(Response response, String body) {
        String serverMessage = excerpt(body);
        try {
            JsonNode err = JSON.readTree(body).path("error");
            if (err.path("message").isTextual()) {
                serverMessage = err.path("message").asText();
                if (err.path("code").isTextual()) {
                    serverMessage += " (code " + err.path("code").asText() + ")";
                }
            }
        } catch (IOException notJson) {
            // the raw excerpt is the best description of a non-JSON error body
        }
        StringBuilder msg = new StringBuilder("POST ").append(url).append(" -> HTTP ").append(response.code())
                .append(": ").append(redact(serverMessage));
        switch (response.code()) {
            case 401, 403 -> msg.append(apiKey == null
                    ? "; no API key was sent: set clp.api-key-env or " + apiKeyEnv
                    : "; check the API key in the environment variable " + apiKeyEnv);
            case 404 -> msg.append("; check clp.model ('").append(model).append("') and clp.endpoint");
            case 429 -> {
                String retryAfter = response.header("Retry-After");
                msg.append("; rate limited").append(retryAfter == null ? "" : " (Retry-After: " + retryAfter + ")")
                        .append(", lower clp.concurrency");
            }
            default -> {
                if (response.code() >= 500) {
                    msg.append("; the server failed");
                }
            }
        }
        return msg.toString();
    }

    private String excerpt(String text) {
        String t = redact(text == null ? "" : text.strip());
        return t.length() <= 300 ? t : t.substring(0, 300) + "…";
    }

    private String redact(String text) {
        return apiKey == null || apiKey.isEmpty() ? text : text.replace(apiKey, "***");
    }

    private static String readBody(ResponseBody body) throws IOException {
        if (body == null) {
            return "";
        }
        return body.string();
    }

}
