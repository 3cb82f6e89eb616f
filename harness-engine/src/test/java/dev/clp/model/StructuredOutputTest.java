package dev.clp.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clp.model.anthropic.AnthropicMessagesClient;
import dev.clp.model.openai.OpenAiChatClient;
import dev.clp.scoring.AnswerExtractor;
import dev.clp.scoring.Extraction;
import dev.clp.sim.AnswerKey;
import dev.clp.sim.SimProfile;
import dev.clp.sim.SimulatedModel;
import dev.clp.sim.SimulatorServer;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Structured answers ({@code clp.answer-format=json}) on each provider's wire format: OpenAI and Azure
 * {@code response_format} json_schema with the option letters as an enum, OpenAI's {@code refusal} field,
 * Anthropic's forced tool call and {@code tool_use} block. Fixtures follow the providers' API references.
 */
class StructuredOutputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CHOICES = List.of("Mars", "Jupiter", "Saturn");
    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    private static ChatRequest structured() {
        return new ChatRequest(List.of(ChatMessage.user("Which planet is largest?\nA. Mars\nB. Jupiter\nC. Saturn")),
                0.0, 64, 0, "pair en-1 (English side)", "en", List.of("A", "B", "C"));
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(body);
    }

    private JsonNode sentBody() throws InterruptedException, IOException {
        RecordedRequest rec = server.takeRequest();
        return JSON.readTree(rec.getBody().readUtf8());
    }

    @Test
    void openAiAsksForAStrictJsonSchemaWithTheOptionLettersAndTheExtractorReadsIt() throws Exception {
        server.enqueue(json(200, """
                {"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"gpt-4o-mini",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"{\\"answer\\":\\"B\\"}","refusal":null},
                 "finish_reason":"stop"}],"usage":{"prompt_tokens":30,"completion_tokens":5,"total_tokens":35}}"""));
        var client = new OpenAiChatClient(server.url("/v1").toString(), "gpt-4o-mini", "k", "OPENAI_API_KEY",
                Duration.ofSeconds(5));

        ChatResponse r = client.complete(structured());

        JsonNode format = sentBody().get("response_format");
        assertThat(format.get("type").asText()).isEqualTo("json_schema");
        assertThat(format.at("/json_schema/strict").asBoolean()).isTrue();
        assertThat(format.at("/json_schema/name").asText()).isEqualTo("mcq_answer");
        JsonNode schema = format.at("/json_schema/schema");
        assertThat(schema.at("/properties/answer/enum").toString()).isEqualTo("[\"A\",\"B\",\"C\"]");
        assertThat(schema.get("required").toString()).isEqualTo("[\"answer\"]");
        assertThat(schema.get("additionalProperties").asBoolean()).isFalse();
        assertThat(r.refused()).isFalse();
        assertThat(AnswerExtractor.extract("en", r.text(), CHOICES)).isEqualTo(new Extraction.Choice(1, "structured"));
    }

    @Test
    void aFreeTextRequestSendsNoResponseFormat() throws Exception {
        server.enqueue(json(200, """
                {"choices":[{"index":0,"message":{"role":"assistant","content":"B"},"finish_reason":"stop"}]}"""));
        new OpenAiChatClient(server.url("/v1").toString(), "m", null, "OPENAI_API_KEY", Duration.ofSeconds(5))
                .complete(new ChatRequest(List.of(ChatMessage.user("q")), 0, 8, 0));
        assertThat(sentBody().has("response_format")).isFalse();
    }

    @Test
    void anOpenAiRefusalIsKeptAsARefusalNotRetried() {
        server.enqueue(json(200, """
                {"id":"chatcmpl-2","object":"chat.completion","choices":[{"index":0,
                 "message":{"role":"assistant","content":null,"refusal":"I'm sorry, I cannot assist with that request."},
                 "finish_reason":"stop"}],"usage":{"prompt_tokens":30,"completion_tokens":9,"total_tokens":39}}"""));
        var client = new OpenAiChatClient(server.url("/v1").toString(), "gpt-4o", "k", "OPENAI_API_KEY",
                Duration.ofSeconds(5));

        ChatResponse r = client.complete(structured());

        assertThat(r.refused()).isTrue();
        assertThat(r.text()).contains("cannot assist");
        assertThat(r.completionTokens()).isEqualTo(9);
    }

    @Test
    void aServerWithoutStructuredOutputSaysWhichSettingToChange() {
        server.enqueue(json(400, """
                {"error":{"message":"Invalid parameter: 'response_format' of type 'json_schema' is not supported with this model.",
                 "type":"invalid_request_error","param":"response_format","code":null}}"""));
        var client = new OpenAiChatClient(server.url("/v1").toString(), "gpt-3.5-turbo", "k", "OPENAI_API_KEY",
                Duration.ofSeconds(5));

        assertThatThrownBy(() -> client.complete(structured())).isInstanceOf(ModelException.class)
                .hasMessageContaining("HTTP 400").hasMessageContaining("response_format")
                .hasMessageContaining("clp.answer-format=text")
                .satisfies(e -> assertThat(((ModelException) e).retryable()).isFalse());
    }

    @Test
    void azureSendsTheSameSchemaToTheDeployment() throws Exception {
        server.enqueue(json(200, """
                {"choices":[{"index":0,"message":{"role":"assistant","content":"{\\"answer\\":\\"C\\"}"},"finish_reason":"stop"}]}"""));
        var client = OpenAiChatClient.azure(server.url("/").toString(), "prod-4o", "2024-10-21", "k",
                "AZURE_OPENAI_API_KEY", Duration.ofSeconds(5), new CallStats(), null);

        ChatResponse r = client.complete(structured());

        JsonNode body = sentBody();
        assertThat(body.has("model")).isFalse();
        assertThat(body.at("/response_format/json_schema/schema/properties/answer/enum")).hasSize(3);
        assertThat(AnswerExtractor.extract("en", r.text(), CHOICES)).isEqualTo(new Extraction.Choice(2, "structured"));
    }

    @Test
    void anthropicForcesTheAnswerToolAndReadsTheToolUseBlock() throws Exception {
        server.enqueue(json(200, """
                {"id":"msg_01","type":"message","role":"assistant","model":"claude-sonnet-4-5",
                 "content":[{"type":"text","text":"Let me record it."},
                            {"type":"tool_use","id":"toolu_01","name":"record_answer","input":{"answer":"B"}}],
                 "stop_reason":"tool_use","stop_sequence":null,"usage":{"input_tokens":40,"output_tokens":12}}"""));
        var client = new AnthropicMessagesClient(server.url("/").toString(), "claude-sonnet-4-5", "k",
                "ANTHROPIC_API_KEY", "2023-06-01", Duration.ofSeconds(5), new CallStats());

        ChatResponse r = client.complete(structured());

        JsonNode body = sentBody();
        assertThat(body.get("tools")).hasSize(1);
        assertThat(body.at("/tools/0/name").asText()).isEqualTo("record_answer");
        assertThat(body.at("/tools/0/input_schema/properties/answer/enum").toString()).isEqualTo("[\"A\",\"B\",\"C\"]");
        assertThat(body.get("tool_choice").toString()).isEqualTo("{\"type\":\"tool\",\"name\":\"record_answer\"}");
        assertThat(r.text()).isEqualTo("{\"answer\":\"B\"}");
        assertThat(AnswerExtractor.extract("en", r.text(), CHOICES)).isEqualTo(new Extraction.Choice(1, "structured"));
        assertThat(r.promptTokens()).isEqualTo(40);
    }

    @Test
    void theSimulatorServerAnswersTheSchemaAndDeclinesThroughTheRefusalField() throws Exception {
        AnswerKey key = new AnswerKey();
        try (var sim = SimulatorServer.start(new SimulatedModel(SimProfile.named("llama-3.1-8b"), key), 0,
                SimulatorServer.Faults.NONE)) {
            var client = new OpenAiChatClient(sim.baseUrl(), "llama-3.1-8b", null, "OPENAI_API_KEY",
                    Duration.ofSeconds(5));
            int structuredAnswers = 0;
            int refusals = 0;
            for (int i = 0; i < 400; i++) {
                ChatRequest q = new ChatRequest(List.of(ChatMessage.user("Question " + i + "?\nA. one\nB. two\nC. three")),
                        0.0, 64, 0, null, null, List.of("A", "B", "C"));
                ChatResponse r = client.complete(q);
                if (r.refused()) {
                    refusals++;
                } else {
                    assertThat(AnswerExtractor.extract("en", r.text(), List.of("one", "two", "three")))
                            .isInstanceOf(Extraction.Choice.class)
                            .extracting(e -> ((Extraction.Choice) e).method()).isEqualTo("structured");
                    structuredAnswers++;
                }
            }
            // llama-3.1-8b's profile leaves 3 % of answers unusable: those arrive as refusals, the rest as JSON
            assertThat(refusals).isBetween(1, 40);
            assertThat(structuredAnswers + refusals).isEqualTo(400);
        }
    }
}
