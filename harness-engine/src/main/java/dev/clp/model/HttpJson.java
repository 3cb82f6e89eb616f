package dev.clp.model;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
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

/**
 * One JSON POST over the process's shared OkHttp client, with the failure contract every provider shares:
 * transport failures become retryable {@link ModelException}s naming the URL; the caller turns non-2xx
 * answers into its provider's messages. Secrets in headers never reach a message.
 */
final class HttpJson {

    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");

    /** One connection pool for the process, with enough idle connections for high concurrency on one host. */
    private static final ConnectionPool POOL = new ConnectionPool(256, 5, TimeUnit.MINUTES);

    /** The process's client for https endpoints; built on first use (it loads the platform's trust store). */
    private static final class Tls {
        static final OkHttpClient CLIENT = new OkHttpClient.Builder().connectionPool(POOL).build();
    }

    /**
     * The process's client for plain-http endpoints (a local vLLM, Ollama or llama.cpp server, the simulator): no TLS,
     * so building it does not load and parse the trust store, a quarter of a second of a run's start.
     */
    private static final class Cleartext {
        static final OkHttpClient CLIENT = new OkHttpClient.Builder().connectionPool(POOL)
                .connectionSpecs(java.util.List.of(okhttp3.ConnectionSpec.CLEARTEXT)).build();
    }

    /** What came back. */
    record Reply(int code, String body, Response response) {
        boolean ok() {
            return code >= 200 && code < 300;
        }

        String header(String name) {
            return response.header(name);
        }

        Duration waitHint() {
            return RateLimitHeaders.waitHint(response::header, Instant.now()).orElse(null);
        }
    }

    private final OkHttpClient http;
    private final CallStats stats;

    /** Builds the shared client for https or plain-http endpoints ahead of the first call (a warm-up). */
    static void prepare(boolean https) {
        (https ? Tls.CLIENT : Cleartext.CLIENT).connectionPool();
    }

    /** @param target the endpoint: https gets TLS, plain http a client without it */
    HttpJson(HttpUrl target, Duration timeout, CallStats stats) {
        this.http = (target.isHttps() ? Tls.CLIENT : Cleartext.CLIENT).newBuilder().callTimeout(timeout)
                .readTimeout(timeout).build();
        this.stats = stats;
    }

    static HttpUrl url(String url) {
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null) {
            throw new IllegalArgumentException("not an http(s) URL: '" + url + "'");
        }
        return parsed;
    }

    /** POSTs the body; the reply is fully read (the connection goes back to the pool). */
    Reply post(HttpUrl url, Map<String, String> headers, String body) {
        Request.Builder request = new Request.Builder().url(url).header("Accept", "application/json")
                .post(RequestBody.create(body, JSON_TYPE));
        headers.forEach(request::header);
        stats.call();
        try (Response response = http.newCall(request.build()).execute()) {
            ResponseBody rb = response.body();
            return new Reply(response.code(), rb == null ? "" : rb.string(), response);
        } catch (ConnectException e) {
            throw new ModelException("POST " + url + " failed: cannot connect (" + e.getMessage()
                    + "); is the server running and clp.endpoint right?", 0, true, null, e);
        } catch (InterruptedIOException e) {
            throw new ModelException("POST " + url + " timed out (" + e.getMessage()
                    + "); raise clp.timeout-seconds or check the server", 0, true, null, e);
        } catch (IOException e) {
            throw new ModelException("POST " + url + " failed: " + e, 0, true, null, e);
        } finally {
            stats.answered();
        }
    }

    /** 408, 409, 429 and 5xx (Anthropic's 529 included) may pass on a later try; other statuses will not. */
    static boolean retryable(int code) {
        return code == 408 || code == 409 || code == 429 || code >= 500;
    }

    /** Replaces every occurrence of the secret; a null or empty secret changes nothing. */
    static String redact(String text, String secret) {
        return secret == null || secret.isEmpty() || text == null ? text : text.replace(secret, "***");
    }

    /** The first 300 characters, redacted and stripped, for error messages. */
    static String excerpt(String text, String secret) {
        String t = redact(text == null ? "" : text.strip(), secret);
        return t.length() <= 300 ? t : t.substring(0, 300) + "…";
    }
}
