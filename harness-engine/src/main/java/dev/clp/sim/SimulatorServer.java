package dev.clp.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.clp.model.ChatMessage;
import dev.clp.model.ChatRequest;
import dev.clp.model.ChatResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.apiguardian.api.API;

/**
 * The simulator behind OpenAI's chat completions API on 127.0.0.1, for trying the harness's HTTP path and
 * its resilience offline: {@code POST /v1/chat/completions}, {@code GET /v1/models}, {@code GET /stats}.
 * Optional latency and seeded faults: 429 (with {@code Retry-After: 0}), 500, and garbled 200 bodies.
 * Every answer comes from {@link SimulatedModel}, so the same prompt gets the same answer as in-process.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SimulatorServer implements AutoCloseable {

    /** Fault and latency settings. */
    public record Faults(long latencyMillis, double rate429, double errorRate, double garbageRate, long seed) {
        public static final Faults NONE = new Faults(0, 0, 0, 0, 1);
    }

    /**
     * The {@code system_fingerprint} of every answer (OpenAI's field naming the serving configuration), by which the
     * {@code sim} provider tells a run that its answers came from the simulator ({@link SimProvider}).
     */
    public static final String FINGERPRINT = "fp_clp-sim-v1";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;
    private final SimulatedModel model;
    private final Faults faults;
    private final SplittableRandom random;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong injected = new AtomicLong();

    private SimulatorServer(HttpServer server, ExecutorService executor, SimulatedModel model, Faults faults) {
        this.server = server;
        this.executor = executor;
        this.model = model;
        this.faults = faults;
        this.random = new SplittableRandom(faults.seed());
    }

    /**
     * Starts a server on 127.0.0.1.
     *
     * @param port the port, or 0 for any free one
     */
    public static SimulatorServer start(SimulatedModel model, int port, Faults faults) throws IOException {
        // the JDK server writes headers and body separately; with Nagle's algorithm on, each answer then waits for
        // the client's delayed ACK (~40 ms on Linux). Read once, when the JDK's server configuration loads.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        ExecutorService executor = Executors.newFixedThreadPool(128, r -> {
            Thread t = new Thread(r, "clp-sim-http");
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(executor);
        SimulatorServer s = new SimulatorServer(http, executor, model, faults);
        http.createContext("/v1/chat/completions", s::completions);
        http.createContext("/v1/models", s::models);
        http.createContext("/stats", s::stats);
        http.start();
        return s;
    }

    /** The base URL to use as {@code clp.endpoint}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    public long requests() {
        return requests.get();
    }

    public long faultsInjected() {
        return injected.get();
    }

    private void completions(HttpExchange ex) throws IOException {
        try (ex) {
            if (!"POST".equals(ex.getRequestMethod())) {
                send(ex, 405, error("only POST is supported here", "invalid_request_error"));
                return;
            }
            requests.incrementAndGet();
            JsonNode body;
            try (InputStream in = ex.getRequestBody()) {
                body = JSON.readTree(in);
            } catch (IOException e) {
                send(ex, 400, error("the body is not JSON: " + e.getMessage(), "invalid_request_error"));
                return;
            }
            if (faults.latencyMillis() > 0) {
                Thread.sleep(faults.latencyMillis());
            }
            double r;
            synchronized (random) {
                r = random.nextDouble();
            }
            if (r < faults.rate429()) {
                injected.incrementAndGet();
                ex.getResponseHeaders().add("Retry-After", "0");
                send(ex, 429, error("Rate limit reached (simulated)", "rate_limit_exceeded"));
                return;
            }
            if (r < faults.rate429() + faults.errorRate()) {
                injected.incrementAndGet();
                send(ex, 500, error("The server had an error (simulated)", "server_error"));
                return;
            }
            if (r < faults.rate429() + faults.errorRate() + faults.garbageRate()) {
                injected.incrementAndGet();
                send(ex, 200, "{\"id\":\"sim\",\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\"");
                return;
            }
            List<ChatMessage> messages = new ArrayList<>();
            for (JsonNode m : body.path("messages")) {
                messages.add(new ChatMessage(m.path("role").asText("user"), m.path("content").asText("")));
            }
            int sample = body.path("seed").isIntegralNumber() ? body.path("seed").asInt() : 0;
            JsonNode letters = body.path("response_format").path("json_schema").path("schema").path("properties")
                    .path(ChatRequest.ANSWER_PROPERTY).path("enum");
            List<String> answerLetters = null;
            if (letters.isArray()) {
                answerLetters = new ArrayList<>();
                for (JsonNode l : letters) {
                    answerLetters.add(l.asText());
                }
            }
            ChatRequest request = new ChatRequest(messages, body.path("temperature").asDouble(0),
                    body.path("max_tokens").asInt(512), sample, null, null, answerLetters);
            ChatResponse answer = model.complete(request);
            String text = answer.text();
            int promptTokens = Math.max(1, request.lastUserText().length() / 4);
            ObjectNode out = JSON.createObjectNode();
            out.put("id", "chatcmpl-sim-" + requests.get());
            out.put("object", "chat.completion");
            out.put("created", System.currentTimeMillis() / 1000);
            out.put("model", model.name());
            out.put("system_fingerprint", FINGERPRINT);
            ObjectNode choice = out.putArray("choices").addObject();
            choice.put("index", 0);
            ObjectNode message = choice.putObject("message").put("role", "assistant");
            if (answer.refused()) {
                message.putNull("content");
                message.put("refusal", text);
            } else {
                message.put("content", text);
                // required (nullable) by OpenAI's CreateChatCompletionResponse schema
                message.putNull("refusal");
            }
            choice.putNull("logprobs");
            choice.put("finish_reason", "stop");
            out.putObject("usage").put("prompt_tokens", promptTokens).put("completion_tokens", Math.max(1, text.length() / 4))
                    .put("total_tokens", promptTokens + Math.max(1, text.length() / 4));
            send(ex, 200, out.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void models(HttpExchange ex) throws IOException {
        try (ex) {
            send(ex, 200, "{\"object\":\"list\",\"data\":[{\"id\":\"" + model.name().substring("sim:".length())
                    + "\",\"object\":\"model\",\"owned_by\":\"clp-harness simulator\"}]}");
        }
    }

    private void stats(HttpExchange ex) throws IOException {
        try (ex) {
            send(ex, 200, "{\"requests\":" + requests.get() + ",\"faults\":" + injected.get() + "}");
        }
    }

    private static String error(String message, String code) {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("error").put("message", message).put("type", code).put("code", code);
        return root.toString();
    }

    private static void send(HttpExchange ex, int code, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(code, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
