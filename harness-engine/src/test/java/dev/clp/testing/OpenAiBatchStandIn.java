package dev.clp.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A stand-in of OpenAI's Files and Batches endpoints on 127.0.0.1 (MockWebServer), answering each request of a batch by
 * sending its body to a chat completions server ({@code answerer}, e.g. the simulator server). Every request body it
 * receives and every object it returns is validated against the official OpenAPI schemas ({@link OpenApiSpec}), so a
 * client that passes against it speaks the wire format. With {@code azure}, the paths are Azure's ({@code /openai/files},
 * {@code /openai/batches}, {@code api-version} required, {@code api-key} header).
 *
 * <p>Scripted faults: a required key ({@link #requireKey}), custom ids answered with an error line
 * ({@link #failIds}), garbage lines in the output file ({@link #garbageLines}), batches that stay in progress until
 * {@link #finishAll()} ({@link #holdBatches}), a batch that fails validation ({@link #failValidation}).
 */
public final class OpenAiBatchStandIn implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MockWebServer server = new MockWebServer();
    private final String answerer;
    private final boolean azure;
    private final OkHttpClient http = new OkHttpClient();
    private final Map<String, String> files = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> batches = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    /** Every problem a request or reply had against the schemas; a test asserts it stays empty. */
    public final List<String> violations = new CopyOnWriteArrayList<>();
    /** Chat completions the stand-in was sent synchronously (not in a batch). */
    public final AtomicInteger chatCalls = new AtomicInteger();
    /** Requests answered inside batches. */
    public final AtomicInteger batchedRequests = new AtomicInteger();
    public final List<String> paths = new CopyOnWriteArrayList<>();

    public volatile String requireKey;
    public volatile Set<String> failIds = Set.of();
    public volatile int garbageLines;
    public volatile boolean holdBatches;
    public volatile boolean failValidation;
    /** Output files are sent 2 KB every 100 ms (a download a process can be killed in the middle of). */
    public volatile boolean slowDownloads;
    /** {@code POST /batches} answers 429 (the enqueued-token limit). */
    public volatile boolean rateLimitBatches;
    /** Output and error files are gone (404) when downloaded. */
    public volatile boolean dropOutputFiles;

    public OpenAiBatchStandIn(String answererBaseUrl, boolean azure) throws IOException {
        this.answerer = answererBaseUrl;
        this.azure = azure;
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                try {
                    return handle(request);
                } catch (IOException | RuntimeException e) {
                    violations.add("stand-in failed on " + request.getPath() + ": " + e);
                    return new MockResponse().setResponseCode(500).setBody("{\"error\":{\"message\":\"" + e + "\"}}");
                }
            }
        });
        server.start(java.net.InetAddress.getLoopbackAddress(), 0);
    }

    /** {@code clp.endpoint}: {@code http://127.0.0.1:<port>/v1}, or the Azure resource's root. */
    public String baseUrl() {
        String root = "http://127.0.0.1:" + server.getPort();
        return azure ? root : root + "/v1";
    }

    /** Finishes every held batch. */
    public void finishAll() {
        holdBatches = false;
    }

    private MockResponse handle(RecordedRequest request) throws IOException {
        String path = request.getRequestUrl().encodedPath();
        paths.add(request.getMethod() + " " + path);
        if (requireKey != null) {
            String given = azure ? request.getHeader("api-key") : request.getHeader("Authorization");
            if (!(azure ? requireKey : "Bearer " + requireKey).equals(given)) {
                return error(401, "Incorrect API key provided.", "invalid_api_key");
            }
        }
        String prefix = azure ? "/openai/" : "/v1/";
        if (azure && request.getRequestUrl().queryParameter("api-version") == null) {
            return error(400, "api-version is required", "missing_api_version");
        }
        if (!path.startsWith(prefix)) {
            return error(404, "no such path " + path, "not_found");
        }
        String[] p = path.substring(prefix.length()).split("/");
        String method = request.getMethod();
        if ("POST".equals(method) && p.length == 2 && p[0].equals("chat") && p[1].equals("completions")) {
            chatCalls.incrementAndGet();
            return json(200, answer(request.getBody().readUtf8()));
        }
        if ("POST".equals(method) && p.length == 1 && p[0].equals("files")) {
            return upload(request);
        }
        if ("GET".equals(method) && p.length == 3 && p[0].equals("files") && p[2].equals("content")) {
            String content = dropOutputFiles && !p[1].equals("file-1") ? null : files.get(p[1]);
            return content == null ? error(404, "No such File object: " + p[1], "not_found")
                    : new MockResponse().setHeader("Content-Type", "application/octet-stream").setBody(content)
                            .throttleBody(slowDownloads ? 2048 : Long.MAX_VALUE, slowDownloads ? 100 : 0,
                                    java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        if ("POST".equals(method) && p.length == 1 && p[0].equals("batches") && rateLimitBatches) {
            return error(429, "Enqueued token limit reached for gpt-4o-mini in organization org-x.",
                    "rate_limit_exceeded").setHeader("retry-after", "60");
        }
        if ("POST".equals(method) && p.length == 1 && p[0].equals("batches")) {
            return create(JSON.readTree(request.getBody().readUtf8()));
        }
        if (p.length >= 2 && p[0].equals("batches")) {
            ObjectNode batch = batches.get(p[1]);
            if (batch == null) {
                return error(404, "No batch found with id '" + p[1] + "'.", "not_found");
            }
            if ("POST".equals(method) && p.length == 3 && p[2].equals("cancel")) {
                synchronized (batch) {
                    if (!Set.of("completed", "failed", "expired", "cancelled").contains(batch.path("status").asText())) {
                        batch.put("status", "cancelled");
                        batch.put("cancelled_at", now());
                    }
                }
                return checked("Batch", batch);
            }
            if ("GET".equals(method) && p.length == 2) {
                synchronized (batch) {
                    if (!holdBatches && "in_progress".equals(batch.path("status").asText())) {
                        run(batch);
                    }
                }
                return checked("Batch", batch);
            }
        }
        return error(404, "Invalid URL (" + method + " " + path + ")", "not_found");
    }

    private MockResponse upload(RecordedRequest request) throws IOException {
        String type = request.getHeader("Content-Type");
        if (type == null || !type.startsWith("multipart/form-data")) {
            violations.add("POST /files: Content-Type is " + type + ", not multipart/form-data");
            return error(400, "expected multipart/form-data", "invalid_request_error");
        }
        Map<String, String> parts = multipart(MediaType.get(type).parameter("boundary"),
                request.getBody().readString(StandardCharsets.UTF_8));
        ObjectNode form = JSON.createObjectNode();
        form.put("purpose", parts.getOrDefault("purpose", ""));
        form.put("file", parts.containsKey("file") ? "<binary>" : null);
        if (!parts.containsKey("file")) {
            form.remove("file");
        }
        violations.addAll(OpenApiSpec.problemsIfPresent("CreateFileRequest", form).stream().map(m -> "CreateFileRequest: " + m)
                .toList());
        if (!"batch".equals(parts.get("purpose"))) {
            violations.add("POST /files: purpose is " + parts.get("purpose") + ", not batch");
        }
        String id = "file-" + ids.incrementAndGet();
        String content = parts.getOrDefault("file", "");
        files.put(id, content);
        for (String line : content.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode l = JSON.readTree(line);
            if (!l.path("custom_id").isTextual() || !"POST".equals(l.path("method").asText())
                    || !(azure ? "/chat/completions" : "/v1/chat/completions").equals(l.path("url").asText())) {
                violations.add("input line without custom_id, method POST and the chat url: " + line);
            }
            violations.addAll(OpenApiSpec.problemsIfPresent("CreateChatCompletionRequest", l.path("body")).stream()
                    .map(m -> "CreateChatCompletionRequest: " + m).toList());
        }
        ObjectNode file = JSON.createObjectNode();
        file.put("id", id).put("object", "file").put("bytes", content.getBytes(StandardCharsets.UTF_8).length)
                .put("created_at", now()).put("filename", "input.jsonl").put("purpose", "batch").put("status", "processed");
        return checked("OpenAIFile", file);
    }

    /** The parts of a multipart body by name (their content, for the file part the file's text). */
    private static Map<String, String> multipart(String boundary, String body) {
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : body.split("--" + java.util.regex.Pattern.quote(boundary))) {
            int split = part.indexOf("\r\n\r\n");
            if (split < 0) {
                continue;
            }
            String headers = part.substring(0, split);
            String content = part.substring(split + 4);
            if (content.endsWith("\r\n")) {
                content = content.substring(0, content.length() - 2);
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"([^\"]+)\"").matcher(headers);
            if (m.find()) {
                parts.put(m.group(1), content);
            }
        }
        return parts;
    }

    private MockResponse create(JsonNode body) {
        JsonNode asOpenAi = body;
        if (azure) {
            // Azure names the endpoint without OpenAI's /v1 ("/chat/completions"); otherwise the request is OpenAI's
            if (!"/chat/completions".equals(body.path("endpoint").asText())) {
                violations.add("Azure batch endpoint is " + body.path("endpoint") + ", not /chat/completions");
            }
            asOpenAi = ((ObjectNode) body.deepCopy()).put("endpoint", "/v1" + body.path("endpoint").asText());
        }
        violations.addAll(OpenApiSpec.problemsIfPresent("CreateBatchRequest", asOpenAi).stream()
                .map(m -> "CreateBatchRequest: " + m).toList());
        String fileId = body.path("input_file_id").asText();
        if (!files.containsKey(fileId)) {
            return error(400, "input_file_id " + fileId + " does not exist", "invalid_request_error");
        }
        String id = "batch_" + ids.incrementAndGet();
        ObjectNode batch = JSON.createObjectNode();
        batch.put("id", id).put("object", "batch").put("endpoint", body.path("endpoint").asText())
                .put("input_file_id", fileId).put("completion_window", "24h").put("status", "in_progress")
                .put("created_at", now());
        int total = (int) files.get(fileId).lines().filter(l -> !l.isBlank()).count();
        batch.putObject("request_counts").put("total", total).put("completed", 0).put("failed", 0);
        if (failValidation) {
            batch.put("status", "failed");
            batch.put("failed_at", now());
            ObjectNode err = batch.putObject("errors");
            err.put("object", "list");
            err.putArray("data").addObject().put("code", "invalid_json_line").put("line", 1)
                    .put("message", "This line is not parseable as valid JSON.");
        }
        batches.put(id, batch);
        return checked("Batch", batch);
    }

    /** Answers every line of the batch's input file, writing the output and error files. */
    private void run(ObjectNode batch) throws IOException {
        StringBuilder output = new StringBuilder();
        StringBuilder errors = new StringBuilder();
        int done = 0;
        int failed = 0;
        for (String line : files.get(batch.path("input_file_id").asText()).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode l = JSON.readTree(line);
            String customId = l.path("custom_id").asText();
            ObjectNode out = JSON.createObjectNode();
            out.put("id", "batch_req_" + ids.incrementAndGet());
            out.put("custom_id", customId);
            if (failIds.contains(customId)) {
                out.putNull("response");
                out.putObject("error").put("code", "server_error").put("message", "The model failed (scripted).");
                errors.append(out).append('\n');
                failed++;
                continue;
            }
            JsonNode answer = JSON.readTree(answer(l.path("body").toString()));
            violations.addAll(OpenApiSpec.problemsIfPresent("CreateChatCompletionResponse", answer).stream()
                    .map(m -> "CreateChatCompletionResponse: " + m).toList());
            ObjectNode response = out.putObject("response");
            response.put("status_code", 200).put("request_id", "req_" + ids.get());
            response.set("body", answer);
            out.putNull("error");
            output.append(out).append('\n');
            batchedRequests.incrementAndGet();
            done++;
        }
        for (int i = 0; i < garbageLines; i++) {
            output.append("{\"id\":\"batch_req_x\",\"custom_id\":").append('\n');
        }
        String outId = "file-" + ids.incrementAndGet();
        files.put(outId, output.toString());
        batch.put("output_file_id", outId);
        if (errors.length() > 0) {
            String errId = "file-" + ids.incrementAndGet();
            files.put(errId, errors.toString());
            batch.put("error_file_id", errId);
        }
        batch.put("status", "completed").put("completed_at", now());
        batch.putObject("request_counts").put("total", done + failed).put("completed", done).put("failed", failed);
    }

    /** The answerer's chat completion for this body. */
    private String answer(String body) throws IOException {
        JsonNode parsed = JSON.readTree(body);
        violations.addAll(OpenApiSpec.problemsIfPresent("CreateChatCompletionRequest", parsed).stream()
                .map(m -> "CreateChatCompletionRequest: " + m).toList());
        ObjectNode forward = parsed.deepCopy();
        if (!forward.has("model")) {
            forward.put("model", "azure-deployment");
        }
        Request r = new Request.Builder().url(answerer + "/chat/completions")
                .post(RequestBody.create(forward.toString(), MediaType.get("application/json"))).build();
        try (Response response = http.newCall(r).execute()) {
            return response.body().string();
        }
    }

    private MockResponse checked(String schema, JsonNode value) {
        violations.addAll(OpenApiSpec.problemsIfPresent(schema, value).stream().map(m -> schema + ": " + m).toList());
        return json(200, value.toString());
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(body);
    }

    private static MockResponse error(int code, String message, String type) {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("error").put("message", message).put("type", type).put("code", type).putNull("param");
        return json(code, root.toString());
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    /** Lines of a file the stand-in holds (for tests that look at what was uploaded). */
    public List<String> fileLines(String id) {
        return new ArrayList<>(List.of(files.getOrDefault(id, "").split("\n")));
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }
}
