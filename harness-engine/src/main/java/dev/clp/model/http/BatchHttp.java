package dev.clp.model.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clp.model.SafeText;
import dev.clp.model.spi.BatchException;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.apiguardian.api.API;

/**
 * The HTTP calls of the batch APIs over one OkHttp client: JSON requests, a multipart file upload, and a download read
 * line by line (an output file of 200 MB is never held whole). Redirects are not followed (the API key goes to the
 * configured host only). Every failure is a {@link BatchException} naming the method and URL (through
 * {@link SafeText#url}), the status, the server's own message and what to check; the API key never appears in it.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class BatchHttp {

    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
    private static final MediaType JSONL_TYPE = MediaType.get("application/jsonl");
    private static final ObjectMapper JSON = HttpJson.mapper(64L << 20);
    /** The most bytes of a JSON (not JSONL) reply read. */
    private static final long MAX_JSON_BYTES = 16L << 20;

    /** One connection pool and dispatcher for every batch client of the process; redirects never followed. */
    private static final OkHttpClient SHARED = new OkHttpClient.Builder().followRedirects(false)
            .followSslRedirects(false).build();

    private final OkHttpClient http;
    private final Map<String, String> auth;
    private final String secret;
    private final String keyVariable;

    /**
     * @param auth the headers every call carries (the API key's, a version's)
     * @param secret the API key, redacted from every message; may be null
     * @param keyVariable the environment variable the key came from, named in a 401's message
     */
    public BatchHttp(Duration timeout, Map<String, String> auth, String secret, String keyVariable) {
        this.http = SHARED.newBuilder().callTimeout(timeout).readTimeout(timeout).build();
        this.auth = Map.copyOf(auth);
        this.secret = secret;
        this.keyVariable = keyVariable;
    }

    public JsonNode postJson(HttpUrl url, String body) {
        return json("POST", url, new Request.Builder().url(url).post(RequestBody.create(body, JSON_TYPE)));
    }

    public JsonNode get(HttpUrl url) {
        return json("GET", url, new Request.Builder().url(url).get());
    }

    /**
     * Uploads JSONL lines as a file, {@code multipart/form-data} with the parts {@code purpose} and {@code file}. The
     * lines are written to the connection as they are, never joined in memory: 41,850 requests joined three times
     * over (a builder, its String, its bytes) ran out of {@code ./clp}'s default heap.
     */
    public JsonNode upload(HttpUrl url, String purpose, String fileName, java.util.List<String> lines) {
        RequestBody body = new MultipartBody.Builder().setType(MultipartBody.FORM).addFormDataPart("purpose", purpose)
                .addFormDataPart("file", fileName, joined(JSONL_TYPE, "", lines, "\n", "\n")).build();
        return json("POST", url, new Request.Builder().url(url).post(body));
    }

    /** Posts {@code before + parts joined by between + after} as JSON, written as it goes (a batch of requests). */
    public JsonNode postJoined(HttpUrl url, String before, java.util.List<String> parts, String between, String after) {
        return json("POST", url, new Request.Builder().url(url).post(joined(JSON_TYPE, before, parts, between, after)));
    }

    /**
     * A body of {@code before}, the parts with {@code between} after each but the last, and {@code after}, as UTF-8,
     * written part by part: its length is counted, not built, and it can be written again when a call is retried.
     */
    static RequestBody joined(MediaType type, String before, java.util.List<String> parts, String between,
            String after) {
        long length = okio.Utf8.size(before) + okio.Utf8.size(after)
                + (long) Math.max(0, parts.size() - 1) * okio.Utf8.size(between);
        for (String part : parts) {
            length += okio.Utf8.size(part);
        }
        long bytes = length;
        return new RequestBody() {
            @Override
            public MediaType contentType() {
                return type;
            }

            @Override
            public long contentLength() {
                return bytes;
            }

            @Override
            public void writeTo(okio.BufferedSink sink) throws IOException {
                sink.writeUtf8(before);
                for (int i = 0; i < parts.size(); i++) {
                    if (i > 0) {
                        sink.writeUtf8(between);
                    }
                    sink.writeUtf8(parts.get(i));
                }
                sink.writeUtf8(after);
            }
        };
    }

    /** Downloads a JSONL body, handing each line (without its end) to {@code onLine} with its 1-based number. */
    public void lines(HttpUrl url, LineSink onLine) {
        Request.Builder request = new Request.Builder().url(url).get();
        auth.forEach(request::header);
        try (Response response = http.newCall(request.build()).execute()) {
            ResponseBody rb = response.body();
            if (!response.isSuccessful() || rb == null) {
                String body = "";
                if (rb != null) {
                    // an error body is quoted in the message: its start is enough
                    BufferedSource source = rb.source();
                    source.request(64 * 1024);
                    body = source.getBuffer().clone().readUtf8(Math.min(source.getBuffer().size(), 64 * 1024));
                }
                throw failure("GET", url, response.code(), body, response);
            }
            BufferedSource source = rb.source();
            int n = 0;
            String line;
            while ((line = source.readUtf8Line()) != null) {
                n++;
                if (!line.isBlank()) {
                    onLine.accept(n, line);
                }
            }
        } catch (IOException e) {
            throw transport("GET", url, e);
        }
    }

    /** Receives one line of a downloaded file. */
    @FunctionalInterface
    public interface LineSink {
        void accept(int number, String line);
    }

    private JsonNode json(String method, HttpUrl url, Request.Builder request) {
        auth.forEach(request::header);
        request.header("Accept", "application/json");
        try (Response response = http.newCall(request.build()).execute()) {
            ResponseBody rb = response.body();
            String body = "";
            if (rb != null) {
                BufferedSource source = rb.source();
                if (source.request(MAX_JSON_BYTES + 1)) {
                    throw new BatchException(method + " " + SafeText.url(url) + " -> HTTP " + response.code()
                            + ": the reply is larger than " + MAX_JSON_BYTES + " bytes; not a batch API reply");
                }
                body = source.readUtf8();
            }
            if (!response.isSuccessful()) {
                throw failure(method, url, response.code(), body, response);
            }
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new BatchException(method + " " + SafeText.url(url) + " -> HTTP " + response.code()
                        + " but the body is not JSON: " + HttpJson.excerpt(body, secret), e);
            }
        } catch (IOException e) {
            throw transport(method, url, e);
        }
    }

    private BatchException transport(String method, HttpUrl url, IOException e) {
        return new BatchException(method + " " + SafeText.url(url) + " failed: " + e.getClass().getSimpleName() + ": "
                + SafeText.oneLine(SafeText.url(String.valueOf(e.getMessage()))) + "; is the server running and "
                + "clp.endpoint right?", e);
    }

    private BatchException failure(String method, HttpUrl url, int code, String body, Response response) {
        String server = HttpJson.excerpt(body, secret);
        try {
            JsonNode err = JSON.readTree(body).path("error");
            if (err.path("error").isObject()) {
                err = err.path("error");
            }
            if (err.path("message").isTextual()) {
                server = HttpJson.serverText(err.path("message").asText()
                        + (err.path("type").isTextual() ? " (" + err.path("type").asText() + ")" : ""), secret);
            }
        } catch (IOException notJson) {
            // the raw excerpt is the best description of a non-JSON error body
        }
        StringBuilder msg = new StringBuilder(method).append(' ').append(SafeText.url(url)).append(" -> HTTP ")
                .append(code).append(": ").append(server);
        if (code == 401 || code == 403) {
            msg.append(secret == null ? "; no API key was sent: set " + keyVariable
                    : "; check the API key in the environment variable " + keyVariable
                            + " (clp.api-key-env names the variable) and that it may use the batch API");
        } else if (code == 429) {
            String retryAfter = response.header("retry-after");
            msg.append("; rate limited").append(retryAfter == null ? "" : " (retry-after: " + retryAfter + ")")
                    .append(": nothing was lost, run the same command again later");
        } else if (code >= 300 && code < 400) {
            msg.append("; a redirect (to ").append(SafeText.url(String.valueOf(response.header("Location"))))
                    .append(") is not followed: set clp.endpoint to the URL the server means");
        } else if (code >= 500) {
            msg.append("; the server failed: nothing was lost, run the same command again");
        }
        return new BatchException(msg.toString());
    }

    /**
     * A batch results line as JSON with its {@code custom_id}, or null after naming the line to {@code sink} (not JSON,
     * no {@code custom_id}): the part of reading a results line that OpenAI's and Anthropic's formats share.
     */
    public static JsonNode keyedLine(String where, int n, String line, dev.clp.model.spi.BatchApi.Results sink) {
        JsonNode root;
        try {
            root = JSON.readTree(line);
        } catch (IOException e) {
            sink.badLine(where, n, "not JSON: " + HttpJson.excerpt(line, null));
            return null;
        }
        if (root.path("custom_id").asText(null) == null) {
            sink.badLine(where, n, "no custom_id");
            return null;
        }
        return root;
    }
}
