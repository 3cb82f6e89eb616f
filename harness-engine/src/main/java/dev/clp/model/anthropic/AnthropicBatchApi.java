package dev.clp.model.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clp.model.ChatRequest;
import dev.clp.model.ModelException;
import dev.clp.model.SafeText;
import dev.clp.model.http.BatchHttp;
import dev.clp.model.http.HttpJson;
import dev.clp.model.spi.BatchApi;
import dev.clp.model.spi.BatchException;
import java.util.List;
import okhttp3.HttpUrl;

/**
 * Anthropic's Message Batches ({@code POST /v1/messages/batches}, {@code GET /v1/messages/batches/{id}}, the results
 * JSONL at its {@code results_url}, {@code POST /v1/messages/batches/{id}/cancel}). Limits: 100,000 requests or 256 MB
 * per batch. Each request's {@code params} are the Messages client's own body ({@link AnthropicMessagesClient#requestBody})
 * and each succeeded result's message is read by it ({@link AnthropicMessagesClient#parseMessage}); errored, canceled
 * and expired results are failed requests, resubmitted by the next submit.
 */
final class AnthropicBatchApi implements BatchApi {

    static final int MAX_REQUESTS = 100_000;
    static final long MAX_BYTES = 256L * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BatchHttp http;
    private final AnthropicMessagesClient messages;
    /** {@code <base>/v1/messages/batches}. */
    private final HttpUrl batches;

    AnthropicBatchApi(BatchHttp http, AnthropicMessagesClient messages, String baseUrl) {
        this.http = http;
        this.messages = messages;
        List<String> path = HttpJson.url(baseUrl).pathSegments();
        boolean v1 = path.stream().filter(p -> !p.isEmpty()).reduce((a, b) -> b).orElse("").equals("v1");
        this.batches = HttpJson.api(baseUrl, v1 ? "messages/batches" : "v1/messages/batches");
    }

    @Override
    public int maxRequests() {
        return MAX_REQUESTS;
    }

    @Override
    public long maxBytes() {
        return MAX_BYTES;
    }

    @Override
    public String line(String customId, ChatRequest request) {
        ObjectNode r = JSON.createObjectNode();
        r.put("custom_id", customId);
        r.set("params", messages.requestBody(request));
        return r.toString();
    }

    @Override
    public Submitted submit(List<String> lines) {
        JsonNode batch = http.postJoined(batches, "{\"requests\":[", lines, ",", "]}");
        if (!batch.path("id").isTextual()) {
            throw new BatchException("POST " + SafeText.url(batches) + " returned no id: "
                    + HttpJson.excerpt(batch.toString(), null));
        }
        return new Submitted(batch.get("id").asText(), "", batch.path("processing_status").asText(""));
    }

    private HttpUrl url(String id, String... more) {
        HttpUrl.Builder b = batches.newBuilder().addPathSegment(id);
        for (String m : more) {
            b.addPathSegment(m);
        }
        return b.build();
    }

    @Override
    public Remote status(String id) {
        return remote(http.get(url(id)), id);
    }

    @Override
    public Remote cancel(String id) {
        return remote(http.postJson(url(id, "cancel"), "{}"), id);
    }

    private static Remote remote(JsonNode batch, String id) {
        String status = batch.path("processing_status").asText("");
        JsonNode c = batch.path("request_counts");
        String counts = c.path("processing").asInt() + " processing, " + c.path("succeeded").asInt() + " succeeded, "
                + c.path("errored").asInt() + " errored, " + c.path("canceled").asInt() + " canceled, "
                + c.path("expired").asInt() + " expired";
        return new Remote(id, status, "ended".equals(status), counts, "");
    }

    @Override
    public void results(Remote remote, Results sink) {
        JsonNode batch = http.get(url(remote.id()));
        HttpUrl results = url(remote.id(), "results");
        if (batch.path("results_url").isTextual()) {
            HttpUrl given = HttpUrl.parse(batch.get("results_url").asText());
            // the API key goes to the configured host only
            if (given == null || !given.host().equals(batches.host()) || given.port() != batches.port()) {
                throw new BatchException("GET " + SafeText.url(url(remote.id())) + ": batch " + remote.id()
                        + " names results_url " + SafeText.url(batch.get("results_url").asText())
                        + ", not on the configured host " + batches.host() + "; not fetched (the API key would go there)");
            }
            results = given;
        }
        String where = "results of " + remote.id() + " (" + SafeText.url(results) + ")";
        http.lines(results, (n, line) -> readLine(where, n, line, sink));
    }

    /** Reads one results line: succeeded, errored, canceled or expired. */
    @Override
    public void readLine(String where, int n, String line, Results sink) {
        JsonNode root = BatchHttp.keyedLine(where, n, line, sink);
        if (root == null) {
            return;
        }
        String key = root.path("custom_id").asText();
        if (sink.request(key) == null) {
            sink.badLine(where, n, "custom_id " + SafeText.oneLine(key) + " is not a request of this run "
                    + "(other suites or settings?)");
            return;
        }
        JsonNode result = root.path("result");
        String type = result.path("type").asText("");
        switch (type) {
            case "succeeded" -> {
                try {
                    sink.answer(key, messages.parseMessage(result.path("message")));
                } catch (ModelException e) {
                    sink.badLine(where, n, "result.message has no text or tool_use content block: "
                            + HttpJson.excerpt(result.path("message").toString(), null));
                }
            }
            case "errored" -> {
                JsonNode err = result.path("error").path("error");
                sink.failed(key, "errored: " + SafeText.oneLine(err.path("type").asText("error") + ": "
                        + err.path("message").asText("")));
            }
            case "canceled", "expired" -> sink.failed(key, type);
            default -> sink.badLine(where, n, "result.type is '" + SafeText.oneLine(type)
                    + "', not succeeded, errored, canceled or expired");
        }
    }
}
