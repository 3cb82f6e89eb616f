package dev.clp.model.openai;

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
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * OpenAI's Files and Batches APIs ({@code POST /v1/files} with purpose {@code batch}, {@code POST /v1/batches},
 * {@code GET /v1/batches/{id}}, {@code GET /v1/files/{id}/content}, {@code POST /v1/batches/{id}/cancel}), and Azure
 * OpenAI's ({@code /openai/files}, {@code /openai/batches} with {@code api-version}, the deployment as the lines'
 * {@code model}). Limits: 50,000 requests and 200 MB per input file. The lines' bodies are the chat client's own
 * ({@link OpenAiChatClient#requestBody}), and answers are read by it ({@link OpenAiChatClient#parseCompletion}).
 */
final class OpenAiBatchApi implements BatchApi {

    static final int MAX_REQUESTS = 50_000;
    static final long MAX_BYTES = 200L * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ENDED = Set.of("completed", "failed", "expired", "cancelled");

    private final BatchHttp http;
    private final OpenAiChatClient chat;
    /** Where the API lives: {@code https://api.openai.com/v1}, or an Azure resource's {@code …/openai}. */
    private final HttpUrl base;
    /** The {@code url} of each line and the batch's {@code endpoint}. */
    private final String lineUrl;
    /** Azure's deployment, put in each line's body as {@code model}; null for OpenAI (the body has it). */
    private final String deployment;
    private final String apiVersion;

    private OpenAiBatchApi(BatchHttp http, OpenAiChatClient chat, HttpUrl base, String lineUrl, String deployment,
            String apiVersion) {
        this.http = http;
        this.chat = chat;
        this.base = base;
        this.lineUrl = lineUrl;
        this.deployment = deployment;
        this.apiVersion = apiVersion;
    }

    /** OpenAI, or any server with its batch API, at {@code baseUrl} (e.g. {@code https://api.openai.com/v1}). */
    static OpenAiBatchApi openAi(BatchHttp http, OpenAiChatClient chat, String baseUrl) {
        return new OpenAiBatchApi(http, chat, HttpJson.url(baseUrl), "/v1/chat/completions", null, null);
    }

    /** Azure OpenAI at {@code endpoint} ({@code https://<resource>.openai.azure.com}). */
    static OpenAiBatchApi azure(BatchHttp http, OpenAiChatClient chat, String endpoint, String deployment,
            String apiVersion) {
        return new OpenAiBatchApi(http, chat, HttpJson.api(endpoint, "openai"), "/chat/completions", deployment,
                apiVersion);
    }

    /** The API's URL for these path segments (ids are single segments, never a path). */
    private HttpUrl url(String... segments) {
        HttpUrl.Builder b = base.newBuilder();
        for (String s : segments) {
            b.addPathSegment(s);
        }
        if (apiVersion != null) {
            b.setQueryParameter("api-version", apiVersion);
        }
        return b.build();
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
        ObjectNode body = chat.requestBody(request);
        if (deployment != null) {
            body.put("model", deployment);
        }
        ObjectNode line = JSON.createObjectNode();
        line.put("custom_id", customId);
        line.put("method", "POST");
        line.put("url", lineUrl);
        line.set("body", body);
        return line.toString();
    }

    @Override
    public Submitted submit(List<String> lines) {
        JsonNode file = http.upload(url("files"), "batch", "clp-batch.jsonl", lines);
        String fileId = text(file, "id", "POST " + SafeText.url(url("files")));
        ObjectNode create = JSON.createObjectNode();
        create.put("input_file_id", fileId);
        create.put("endpoint", lineUrl);
        create.put("completion_window", "24h");
        create.putObject("metadata").put("created_by", "clp-harness");
        JsonNode batch = http.postJson(url("batches"), create.toString());
        String id = text(batch, "id", "POST " + SafeText.url(url("batches")));
        return new Submitted(id, fileId, batch.path("status").asText(""));
    }

    private static String text(JsonNode node, String field, String where) {
        if (!node.path(field).isTextual() || node.get(field).asText().isBlank()) {
            throw new BatchException(where + " returned no " + field + ": " + HttpJson.excerpt(node.toString(), null));
        }
        return node.get(field).asText();
    }

    @Override
    public Remote status(String id) {
        return remote(http.get(url("batches", id)), id);
    }

    @Override
    public Remote cancel(String id) {
        return remote(http.postJson(url("batches", id, "cancel"), "{}"), id);
    }

    private Remote remote(JsonNode batch, String id) {
        String status = batch.path("status").asText("");
        JsonNode c = batch.path("request_counts");
        String counts = c.isObject() ? c.path("completed").asInt() + " completed, " + c.path("failed").asInt()
                + " failed of " + c.path("total").asInt() : "no request counts";
        StringBuilder problem = new StringBuilder();
        for (JsonNode e : batch.path("errors").path("data")) {
            problem.append(problem.length() == 0 ? "" : "; ")
                    .append(e.path("line").isNumber() ? "input line " + e.path("line").asInt() + ": " : "")
                    .append(SafeText.oneLine(e.path("message").asText(e.path("code").asText("error"))));
        }
        return new Remote(id, status, ENDED.contains(status), counts, problem.toString());
    }

    @Override
    public void results(Remote remote, Results sink) {
        JsonNode batch = http.get(url("batches", remote.id()));
        for (String field : List.of("output_file_id", "error_file_id")) {
            if (batch.path(field).isTextual() && !batch.get(field).asText().isBlank()) {
                String fileId = batch.get(field).asText();
                HttpUrl content = url("files", fileId, "content");
                http.lines(content, (n, line) -> readLine("file " + fileId + " (" + SafeText.url(content) + ")", n, line,
                        sink));
            }
        }
    }

    /** Reads one output or error line: an answer, a failed request, or a bad line. */
    @Override
    public void readLine(String where, int n, String line, Results sink) {
        JsonNode root = BatchHttp.keyedLine(where, n, line, sink);
        if (root == null) {
            return;
        }
        String key = root.path("custom_id").asText();
        ChatRequest request = sink.request(key);
        if (request == null) {
            sink.badLine(where, n, "custom_id " + SafeText.oneLine(key) + " is not a request of this run "
                    + "(other suites or settings?)");
            return;
        }
        JsonNode error = root.path("error");
        JsonNode response = root.path("response");
        if (error.isObject()) {
            sink.failed(key, SafeText.oneLine(error.path("code").asText("error") + ": " + error.path("message").asText("")));
            return;
        }
        int status = response.path("status_code").asInt(0);
        if (status != 200) {
            String why = response.path("body").path("error").path("message").asText("");
            sink.failed(key, "HTTP " + status + (why.isEmpty() ? "" : ": " + SafeText.oneLine(why)));
            return;
        }
        try {
            sink.answer(key, chat.parseCompletion(request, response.path("body").toString()));
        } catch (ModelException e) {
            sink.badLine(where, n, "response.body is not a chat completion with choices[0].message.content: "
                    + HttpJson.excerpt(response.path("body").toString(), null));
        }
    }
}
