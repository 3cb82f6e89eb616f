package dev.clp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code clp batch}: a self-hosted round trip (export, a batch runner's output, import, replay) and its failures. */
class BatchCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    static Path starter() {
        return Path.of(System.getProperty("clp.test.starter-suite", "../generated-suites/suites/starter"));
    }

    /** An endpoint nothing listens on: any synchronous call would fail. */
    static String deadEndpoint() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return "http://127.0.0.1:" + s.getLocalPort() + "/v1";
        }
    }

    @Test
    void exportedRequestsAnsweredByABatchRunnerAreImportedAndTheRunReplaysThemWithoutACall() throws IOException {
        String endpoint = deadEndpoint();
        String[] keys = {"-Dclp.model=openai:served-model", "-Dclp.endpoint=" + endpoint,
                "-Dclp.cache.path=" + tmp.resolve("cache.db")};
        Cli.Result export = Cli.clp(concat(new String[] {"batch", "export", "--suite", starter().toString(), "--out",
                tmp.resolve("requests.jsonl").toString(), "--state", tmp.resolve("s.json").toString()}, keys));
        assertThat(export.exit()).as(export.err()).isZero();
        List<String> lines = Files.readAllLines(tmp.resolve("requests.jsonl"));
        assertThat(export.out()).contains("wrote " + lines.size() + " requests");
        assertThat(lines).isNotEmpty();

        // what vLLM's run-batch writes: one output line per input line, and here one line that is garbage
        List<String> output = new ArrayList<>();
        for (String line : lines) {
            JsonNode in = JSON.readTree(line);
            assertThat(in.path("method").asText()).isEqualTo("POST");
            assertThat(in.path("url").asText()).isEqualTo("/v1/chat/completions");
            assertThat(in.path("body").path("model").asText()).isEqualTo("served-model");
            assertThat(in.path("body").path("messages").path(0).path("content").asText()).isNotBlank();
            ObjectNode out = JSON.createObjectNode();
            out.put("id", "vllm-" + output.size());
            out.put("custom_id", in.path("custom_id").asText());
            ObjectNode response = out.putObject("response");
            response.put("status_code", 200).put("request_id", "r" + output.size());
            ObjectNode choice = response.putObject("body").put("id", "cmpl").put("object", "chat.completion")
                    .putArray("choices").addObject();
            choice.put("index", 0).put("finish_reason", "stop");
            choice.putObject("message").put("role", "assistant").put("content", "Answer: A");
            out.putNull("error");
            output.add(out.toString());
        }
        output.add(2, "{\"custom_id\": truncated");
        Files.write(tmp.resolve("output.jsonl"), output);

        Cli.Result imported = Cli.clp(concat(new String[] {"batch", "import", "--suite", starter().toString(), "--file",
                tmp.resolve("output.jsonl").toString(), "--state", tmp.resolve("s.json").toString()}, keys));
        assertThat(imported.exit()).as("a bad line is reported with exit 1").isEqualTo(1);
        assertThat(imported.err()).contains(tmp.resolve("output.jsonl") + " line 3: not JSON");
        assertThat(imported.out()).contains("filed " + lines.size() + " answers in the cache")
                .contains("answers from batches: " + lines.size());

        Cli.Result run = Cli.clp(concat(new String[] {"run", "--suite", starter().toString(),
                "-Dclp.results.dir=" + tmp.resolve("r"), "-Dclp.cache=replay", "-Dclp.allure=off",
                "-Dclp.gate.allow-underpowered=true"}, keys));
        JsonNode record = JSON.readTree(tmp.resolve("r/run.json").toFile());
        assertThat(record.get("pairs")).isNotEmpty();
        record.get("pairs").forEach(p -> assertThat(p.get("outcome").asText()).as(run.out() + run.err())
                .isNotEqualTo("error"));
    }

    @Test
    void submitWithARefusedKeyExitsTwoNamingTheEndpointAndTheVariable() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse().setResponseCode(401).setHeader("Content-Type", "application/json")
                    .setBody("{\"error\":{\"message\":\"Incorrect API key provided.\",\"type\":\"invalid_request_error\","
                            + "\"code\":\"invalid_api_key\"}}"));
            server.start();
            Cli.Result r = Cli.clp("batch", "submit", "--suite", starter().toString(), "--state",
                    tmp.resolve("s.json").toString(), "-Dclp.model=openai:m", "-Dclp.endpoint=" + server.url("/v1"),
                    "-Dclp.cache.path=" + tmp.resolve("c.db"));
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).contains("clp batch submit: POST http://").contains("/v1/files -> HTTP 401: "
                    + "Incorrect API key provided.").contains("OPENAI_API_KEY");
            assertThat(server.takeRequest().getHeader("Content-Type")).startsWith("multipart/form-data");
        }
    }

    @Test
    void statusWithoutAStateFileExitsTwoNamingIt() {
        Cli.Result r = Cli.clp("batch", "status", "--state", tmp.resolve("missing.json").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(tmp.resolve("missing.json") + ": no batch state file; run clp batch submit first");
    }

    @Test
    void aModelWithoutABatchApiIsRefusedNamingTheKey() {
        Cli.Result r = Cli.clp("batch", "submit", "--suite", starter().toString(), "--state",
                tmp.resolve("s.json").toString(), "-Dclp.model=sim:perfect", "-Dclp.allow-simulated=true",
                "-Dclp.cache.path=" + tmp.resolve("c.db"));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("clp.model: 'sim:perfect' has no batch API");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
