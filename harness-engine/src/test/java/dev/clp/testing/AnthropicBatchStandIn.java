package dev.clp.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clp.model.ChatMessage;
import dev.clp.model.ChatRequest;
import dev.clp.model.ChatResponse;
import dev.clp.model.ModelClient;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A stand-in of Anthropic's Messages API and Message Batches on 127.0.0.1 (MockWebServer), shaped as its public API
 * reference shows them: {@code POST /v1/messages}, {@code POST /v1/messages/batches} ({@code requests} of
 * {@code custom_id} + {@code params}), {@code GET /v1/messages/batches/{id}} (a {@code message_batch} with
 * {@code processing_status} and {@code request_counts}), the results JSONL at its {@code results_url} (succeeded,
 * errored, canceled and expired results) and {@code POST …/cancel}. Answers come from {@code model}. Every request must
 * carry {@code x-api-key} ({@link #key}) and {@code anthropic-version}; what breaks the reference's rules is recorded
 * in {@link #violations}.
 */
public final class AnthropicBatchStandIn implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CUSTOM_ID = Pattern.compile("^[a-zA-Z0-9_-]{1,64}$");

    private final MockWebServer server = new MockWebServer();
    private final ModelClient model;
    private final String key;
    private final Map<String, ObjectNode> batches = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> requests = new ConcurrentHashMap<>();
    private final Map<String, String> results = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    public final List<String> violations = new CopyOnWriteArrayList<>();
    public final AtomicInteger messageCalls = new AtomicInteger();
    public final AtomicInteger batchedRequests = new AtomicInteger();
    public volatile boolean holdBatches;
    public volatile Set<String> erroredIds = Set.of();
    public volatile Set<String> expiredIds = Set.of();
    /** The batch names a results_url on another host. */
    public volatile boolean foreignResultsUrl;

    public AnthropicBatchStandIn(ModelClient model, String key) throws IOException {
        this.model = model;
        this.key = key;
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                try {
                    return handle(request);
                } catch (IOException | RuntimeException e) {
                    violations.add("stand-in failed on " + request.getPath() + ": " + e);
                    return error(500, "api_error", String.valueOf(e));
                }
            }
        });
        server.start(java.net.InetAddress.getLoopbackAddress(), 0);
    }

    /** {@code clp.endpoint}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getPort();
    }

    private MockResponse handle(RecordedRequest request) throws IOException {
        if (!key.equals(request.getHeader("x-api-key"))) {
            return error(401, "authentication_error", "invalid x-api-key");
        }
        if (request.getHeader("anthropic-version") == null) {
            violations.add(request.getPath() + ": no anthropic-version header");
            return error(400, "invalid_request_error", "anthropic-version: header is required");
        }
        String path = request.getRequestUrl().encodedPath();
        String method = request.getMethod();
        if ("POST".equals(method) && path.equals("/v1/messages")) {
            messageCalls.incrementAndGet();
            return json(message(JSON.readTree(request.getBody().readUtf8())));
        }
        if ("POST".equals(method) && path.equals("/v1/messages/batches")) {
            return create(JSON.readTree(request.getBody().readUtf8()));
        }
        String[] p = path.split("/");
        // "", v1, messages, batches, id[, results|cancel]
        if (p.length >= 5 && p[3].equals("batches")) {
            ObjectNode batch = batches.get(p[4]);
            if (batch == null) {
                return error(404, "not_found_error", "batch " + p[4] + " not found");
            }
            synchronized (batch) {
                if (p.length == 5 && "GET".equals(method)) {
                    if (!holdBatches && "in_progress".equals(batch.path("processing_status").asText())) {
                        process(batch, false);
                    }
                    return json(batch);
                }
                if (p.length == 6 && p[5].equals("cancel") && "POST".equals(method)) {
                    if (!"ended".equals(batch.path("processing_status").asText())) {
                        batch.put("cancel_initiated_at", Instant.now().toString());
                        process(batch, true);
                    }
                    return json(batch);
                }
                if (p.length == 6 && p[5].equals("results") && "GET".equals(method)) {
                    if (!"ended".equals(batch.path("processing_status").asText())) {
                        return error(400, "invalid_request_error", "batch " + p[4] + " is still processing");
                    }
                    return new MockResponse().setHeader("Content-Type", "application/binary").setBody(results.get(p[4]));
                }
            }
        }
        return error(404, "not_found_error", "no route " + method + " " + path);
    }

    private MockResponse create(JsonNode body) {
        JsonNode list = body.path("requests");
        if (!list.isArray() || list.isEmpty()) {
            violations.add("create: no requests array");
            return error(400, "invalid_request_error", "requests: field required");
        }
        String id = "msgbatch_" + String.format("%024d", ids.incrementAndGet());
        for (JsonNode r : list) {
            String customId = r.path("custom_id").asText("");
            if (!CUSTOM_ID.matcher(customId).matches()) {
                violations.add("custom_id does not match " + CUSTOM_ID + ": " + customId);
            }
            JsonNode params = r.path("params");
            if (!params.path("model").isTextual() || !params.path("max_tokens").isInt()
                    || !params.path("messages").isArray()) {
                violations.add("params without model, max_tokens and messages: " + params);
            }
        }
        requests.put(id, list);
        ObjectNode batch = JSON.createObjectNode();
        batch.put("id", id).put("type", "message_batch").put("processing_status", "in_progress");
        batch.putObject("request_counts").put("processing", list.size()).put("succeeded", 0).put("errored", 0)
                .put("canceled", 0).put("expired", 0);
        batch.putNull("ended_at");
        batch.put("created_at", Instant.now().toString());
        batch.put("expires_at", Instant.now().plusSeconds(86_400).toString());
        batch.putNull("archived_at");
        batch.putNull("cancel_initiated_at");
        batch.putNull("results_url");
        batches.put(id, batch);
        return json(batch);
    }

    /** Ends the batch: every request answered (or, when {@code cancel}, every request canceled). */
    private void process(ObjectNode batch, boolean cancel) {
        String id = batch.get("id").asText();
        StringBuilder out = new StringBuilder();
        int succeeded = 0;
        int errored = 0;
        int canceled = 0;
        int expired = 0;
        for (JsonNode r : requests.get(id)) {
            String customId = r.path("custom_id").asText();
            ObjectNode line = JSON.createObjectNode();
            line.put("custom_id", customId);
            ObjectNode result = line.putObject("result");
            if (cancel) {
                result.put("type", "canceled");
                canceled++;
            } else if (erroredIds.contains(customId)) {
                result.put("type", "errored");
                result.putObject("error").put("type", "error").putObject("error").put("type", "invalid_request_error")
                        .put("message", "max_tokens: exceeds the model's limit (scripted)");
                errored++;
            } else if (expiredIds.contains(customId)) {
                result.put("type", "expired");
                expired++;
            } else {
                result.put("type", "succeeded");
                result.set("message", message(r.path("params")));
                batchedRequests.incrementAndGet();
                succeeded++;
            }
            out.append(line).append('\n');
        }
        results.put(id, out.toString());
        batch.put("processing_status", "ended");
        batch.put("ended_at", Instant.now().toString());
        batch.put("results_url", (foreignResultsUrl ? "http://results.example.invalid" : baseUrl())
                + "/v1/messages/batches/" + id + "/results");
        batch.putObject("request_counts").put("processing", 0).put("succeeded", succeeded).put("errored", errored)
                .put("canceled", canceled).put("expired", expired);
    }

    /** The Message the model answers {@code params} with. */
    private ObjectNode message(JsonNode params) {
        List<ChatMessage> messages = new ArrayList<>();
        if (params.path("system").isTextual()) {
            messages.add(new ChatMessage("system", params.get("system").asText()));
        }
        params.path("messages").forEach(m -> messages.add(new ChatMessage(m.path("role").asText(),
                m.path("content").asText())));
        List<String> letters = null;
        JsonNode allowed = params.path("tools").path(0).path("input_schema").path("properties")
                .path(ChatRequest.ANSWER_PROPERTY).path("enum");
        if (allowed.isArray()) {
            letters = new ArrayList<>();
            for (JsonNode l : allowed) {
                letters.add(l.asText());
            }
        }
        ChatResponse answer = model.complete(new ChatRequest(messages, params.path("temperature").asDouble(0),
                params.path("max_tokens").asInt(), 0, null, null, letters));
        ObjectNode m = JSON.createObjectNode();
        m.put("id", "msg_" + ids.incrementAndGet()).put("type", "message").put("role", "assistant")
                .put("model", params.path("model").asText());
        ArrayNode content = m.putArray("content");
        if (letters != null) {
            ObjectNode tool = content.addObject().put("type", "tool_use").put("id", "toolu_" + ids.get())
                    .put("name", params.path("tools").path(0).path("name").asText());
            try {
                tool.set("input", JSON.readTree(answer.text()));
            } catch (IOException e) {
                tool.putObject("input");
            }
        } else {
            content.addObject().put("type", "text").put("text", answer.text());
        }
        m.put("stop_reason", answer.refused() ? "refusal" : letters != null ? "tool_use" : "end_turn");
        m.putNull("stop_sequence");
        m.putObject("usage").put("input_tokens", Math.max(1, messages.get(messages.size() - 1).content().length() / 4))
                .put("output_tokens", Math.max(1, answer.text().length() / 4));
        return m;
    }

    private static MockResponse json(JsonNode body) {
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(body.toString());
    }

    private static MockResponse error(int code, String type, String message) {
        ObjectNode root = JSON.createObjectNode();
        root.put("type", "error");
        root.putObject("error").put("type", type).put("message", message);
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json")
                .setBody(root.toString());
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }
}
