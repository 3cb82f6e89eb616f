package dev.clp.model.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clp.config.ClpConstants;
import dev.clp.model.CallStats;
import dev.clp.model.ModelException;
import dev.clp.model.SafeText;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.apiguardian.api.API;

/**
 * One JSON POST over the process's shared OkHttp client, with the failure contract every provider shares:
 * transport failures become retryable {@link ModelException}s naming the URL; the caller turns non-2xx
 * answers into its provider's messages. Secrets in headers never reach a message, and the URL is shown through
 * {@link SafeText#url} (no user-info, no query values).
 *
 * <p>Hostile endpoints: redirects are never followed (a 3xx is a non-retryable error naming both URLs), because OkHttp
 * strips only {@code Authorization} on a cross-host redirect, not Azure's {@code api-key} or Anthropic's
 * {@code x-api-key}, and a 302/303 would turn the POST into a GET; a body is read up to
 * {@code clp.http.max-response-bytes} and no further (a larger or endless body is a non-retryable error).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class HttpJson {

    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");

    /** One connection pool for the process, with enough idle connections for high concurrency on one host. */
    private static final ConnectionPool POOL = new ConnectionPool(256, 5, TimeUnit.MINUTES);

    /** The process's client for https endpoints; built on first use (it loads the platform's trust store). */
    private static final class Tls {
        static final OkHttpClient CLIENT = new OkHttpClient.Builder().connectionPool(POOL).followRedirects(false)
                .followSslRedirects(false).build();
    }

    /**
     * The process's client for plain-http endpoints (a local vLLM, Ollama or llama.cpp server): no TLS,
     * so building it does not load and parse the trust store, a quarter of a second of a run's start.
     */
    private static final class Cleartext {
        static final OkHttpClient CLIENT = new OkHttpClient.Builder().connectionPool(POOL)
                .connectionSpecs(java.util.List.of(okhttp3.ConnectionSpec.CLEARTEXT)).followRedirects(false)
                .followSslRedirects(false).build();
    }

    /** What came back. */
    public record Reply(int code, String body, Response response) {
        public boolean ok() {
            return code >= 200 && code < 300;
        }

        public String header(String name) {
            return response.header(name);
        }

        public Duration waitHint() {
            return RateLimitHeaders.waitHint(response::header, Instant.now()).orElse(null);
        }
    }

    /**
     * How long a TCP connection may take to be accepted: a server that answers at all accepts within milliseconds, so
     * a dead host or a firewall that drops packets is found in three attempts of this (well under 15 s) instead of
     * waiting out {@code clp.timeout-seconds}, which is for the model's answer.
     */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(4);

    private final OkHttpClient http;
    private final CallStats stats;
    /** Set before the client is shared ({@link #maxResponseBytes(long)}). */
    private long maxBytes = ClpConstants.HTTP_MAX_RESPONSE_BYTES_DEFAULT;
    private ObjectMapper json = mapper(maxBytes);

    /** Builds the shared client for https or plain-http endpoints ahead of the first call (a warm-up). */
    public static void prepare(boolean https) {
        (https ? Tls.CLIENT : Cleartext.CLIENT).connectionPool();
    }

    /** @param target the endpoint: https gets TLS, plain http a client without it */
    public HttpJson(HttpUrl target, Duration timeout, CallStats stats) {
        this.http = (target.isHttps() ? Tls.CLIENT : Cleartext.CLIENT).newBuilder().callTimeout(timeout)
                .readTimeout(timeout).connectTimeout(timeout.compareTo(CONNECT_TIMEOUT) < 0 ? timeout : CONNECT_TIMEOUT)
                .build();
        this.stats = stats;
    }

    /**
     * The largest body read; a larger one is an error. Jackson's limits follow it, so that valid JSON up to the limit
     * parses (its default refuses strings over 20 million characters). Call before the client is shared.
     */
    public void maxResponseBytes(long limit) {
        if (limit < 1) {
            throw new IllegalArgumentException(ClpConstants.HTTP_MAX_RESPONSE_BYTES + " must be at least 1, was " + limit);
        }
        this.maxBytes = limit;
        this.json = mapper(limit);
    }

    public long maxResponseBytes() {
        return maxBytes;
    }

    /** Parses a body this client read (at most {@link #maxResponseBytes()} bytes, so at most as many characters). */
    public JsonNode readTree(String body) throws IOException {
        return json.readTree(body);
    }

    /**
     * A mapper whose string and document limits are at least the body limit: a body the limit lets through is never
     * refused for its size by Jackson, and nothing larger is parsed. Nesting depth and number length keep Jackson's
     * defaults, which no API answer comes near.
     */
    public static ObjectMapper mapper(long maxBytes) {
        int chars = (int) Math.min(Integer.MAX_VALUE, Math.max(maxBytes, StreamReadConstraints.DEFAULT_MAX_STRING_LEN));
        StreamReadConstraints limits = StreamReadConstraints.builder().maxStringLength(chars)
                .maxDocumentLength(Math.max(maxBytes, StreamReadConstraints.DEFAULT_MAX_STRING_LEN)).build();
        return new ObjectMapper(JsonFactory.builder().streamReadConstraints(limits).build());
    }

    /** The base URL as configured; an error names it redacted ({@link SafeText#url}). */
    public static HttpUrl url(String url) {
        HttpUrl parsed = HttpUrl.parse(url.strip());
        if (parsed == null) {
            throw new IllegalArgumentException("not an http(s) URL: '" + SafeText.url(url) + "'");
        }
        return parsed;
    }

    /**
     * The base URL with the API's path appended to its path; a query string in the base stays the query
     * ({@code http://h/v1?x=1} + {@code chat/completions} is {@code http://h/v1/chat/completions?x=1}).
     */
    public static HttpUrl api(String base, String path) {
        return url(base).newBuilder().addPathSegments(path).build();
    }

    /**
     * POSTs the body; the reply is read up to the size limit (then the connection goes back to the pool).
     *
     * @throws ModelException non-retryable for a redirect (not followed) and a body over the limit; retryable for
     *     transport failures
     */
    public Reply post(HttpUrl url, Map<String, String> headers, String body) {
        return post(url, headers, RequestBody.create(body, JSON_TYPE));
    }

    /** As {@link #post(HttpUrl, Map, String)}, for a body already encoded in UTF-8 ({@link JsonBytes#utf8}). */
    public Reply post(HttpUrl url, Map<String, String> headers, byte[] body) {
        return post(url, headers, RequestBody.create(body, JSON_TYPE));
    }

    /** The last URL posted to and how messages show it: a client posts to one URL, and redacting it per call cost. */
    private volatile Shown shownLast;

    private record Shown(HttpUrl url, String shown) {
    }

    private String shown(HttpUrl url) {
        Shown last = shownLast;
        if (last != null && last.url().equals(url)) {
            return last.shown();
        }
        String shown = SafeText.url(url);
        shownLast = new Shown(url, shown);
        return shown;
    }

    private Reply post(HttpUrl url, Map<String, String> headers, RequestBody body) {
        Request.Builder request = new Request.Builder().url(url).header("Accept", "application/json").post(body);
        headers.forEach(request::header);
        String shown = shown(url);
        stats.call();
        try (Response response = http.newCall(request.build()).execute()) {
            if (response.code() >= 300 && response.code() < 400) {
                throw redirect(shown, url, response);
            }
            ResponseBody rb = response.body();
            return new Reply(response.code(), rb == null ? "" : read(shown, response.code(), rb,
                    response.header("Content-Type")), response);
        } catch (ConnectException e) {
            throw new ModelException("POST " + shown + " failed: cannot connect (" + safe(e) + "); is the server "
                    + "running and " + ClpConstants.ENDPOINT + " right?", 0, true, null, e);
        } catch (UnknownHostException e) {
            throw new ModelException("POST " + shown + " failed: cannot connect (unknown host " + safe(e) + "); is "
                    + ClpConstants.ENDPOINT + " right?", 0, true, null, e);
        } catch (InterruptedIOException e) {
            if (connecting(e)) {
                // nothing accepted the connection: unreachable as a refused one is (the circuit stops the other calls)
                ConnectException never = new ConnectException("no connection accepted within "
                        + CONNECT_TIMEOUT.toSeconds() + " s");
                never.initCause(e);
                throw new ModelException("POST " + shown + " failed: cannot connect (" + never.getMessage()
                        + "); is the host up, the port open, and " + ClpConstants.ENDPOINT + " right?", 0, true, null,
                        never);
            }
            throw new ModelException("POST " + shown + " timed out (" + safe(e) + "); raise "
                    + ClpConstants.TIMEOUT_SECONDS + " or check the server", 0, true, null, e);
        } catch (IOException e) {
            throw new ModelException("POST " + shown + " failed: " + e.getClass().getName() + ": " + safe(e), 0, true,
                    null, e);
        } finally {
            stats.answered();
        }
    }

    /** Whether a timeout happened while connecting (the JDK's and OkHttp's "Connect timed out"), not while waiting. */
    private static boolean connecting(InterruptedIOException e) {
        return e instanceof java.net.SocketTimeoutException && e.getMessage() != null
                && e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("connect");
    }

    /** An exception's message as it may be shown (it may quote the URL, and a server's text). */
    private static String safe(IOException e) {
        return SafeText.oneLine(SafeText.url(String.valueOf(e.getMessage())));
    }

    /** A 3xx: not followed, the API key must not go where the Location header says. */
    private static ModelException redirect(String shown, HttpUrl url, Response response) {
        String location = response.header("Location");
        HttpUrl to = location == null ? null : url.resolve(location);
        String where = to != null ? SafeText.url(to) : location == null ? "(no Location header)" : SafeText.url(location);
        return new ModelException("POST " + shown + " -> HTTP " + response.code() + " redirect to " + where
                + ": not followed (API calls never follow redirects, so the API key is sent to the configured host "
                + "only, and a redirect must not turn the POST into a GET); set " + ClpConstants.ENDPOINT
                + " to the URL the server means", response.code(), false, null, null);
    }

    /** Reads the body, at most {@code maxBytes}: an endless or huge body is never buffered whole. */
    private String read(String shown, int code, ResponseBody rb, String contentType) throws IOException {
        if (rb.contentLength() > maxBytes) {
            throw tooLarge(shown, code, "Content-Length " + rb.contentLength());
        }
        BufferedSource source = rb.source();
        if (source.request(maxBytes + 1)) {
            throw tooLarge(shown, code, "more than " + maxBytes + " bytes sent");
        }
        Charset charset = StandardCharsets.UTF_8;
        // parsed only when it names a charset: without one it is UTF-8 anyway, and parsing it per answer cost
        if (contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).contains("charset")) {
            okhttp3.MediaType type = rb.contentType();
            charset = type == null ? StandardCharsets.UTF_8 : type.charset(StandardCharsets.UTF_8);
        }
        return source.readString(charset);
    }

    private ModelException tooLarge(String shown, int code, String what) {
        return new ModelException("POST " + shown + " -> HTTP " + code + ": the response body is larger than "
                + ClpConstants.HTTP_MAX_RESPONSE_BYTES + " (" + maxBytes + " bytes; " + what + "); not read further and "
                + "not retried: an answer is a few kilobytes, so this server is not an API endpoint or is misbehaving "
                + "(raise " + ClpConstants.HTTP_MAX_RESPONSE_BYTES + " only if its answers really are that large)", code,
                false, null, null);
    }

    /** 408, 409, 429 and 5xx (Anthropic's 529 included) may pass on a later try; other statuses will not. */
    public static boolean retryable(int code) {
        return code == 408 || code == 409 || code == 429 || code >= 500;
    }

    /** Replaces every occurrence of the secret; a null or empty secret changes nothing. */
    public static String redact(String text, String secret) {
        return secret == null || secret.isEmpty() || text == null ? text : text.replace(secret, "***");
    }

    /** The first 300 characters, redacted, without terminal escapes or controls, on one line, for error messages. */
    public static String excerpt(String text, String secret) {
        String t = SafeText.oneLine(redact(text == null ? "" : text.strip(), secret)).strip();
        return t.length() <= 300 ? t : t.substring(0, 300) + "…";
    }

    /** A server's own error message, redacted, without terminal escapes or controls, for error messages. */
    public static String serverText(String text, String secret) {
        return SafeText.oneLine(redact(text, secret));
    }
}
