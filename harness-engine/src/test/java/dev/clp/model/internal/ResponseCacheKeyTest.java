package dev.clp.model.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clp.model.ChatMessage;
import dev.clp.model.ChatRequest;
import dev.clp.model.internal.ResponseCache.Asked;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The response cache's keys never change with how they are computed: a cache written by an earlier version must keep
 * answering. The keys below were printed by the code before the per-call hot path was reworked (issue 17.4), and the
 * random requests are checked against the definition of the key: SHA-256 of the key object's JSON text in UTF-8.
 */
class ResponseCacheKeyTest {

    private static final String ENDPOINT = "http://127.0.0.1:1/v1";
    private static final ChatRequest PLAIN = new ChatRequest(
            List.of(ChatMessage.user("Question: 2+2?\n\nA. 3\nB. 4\n\nAnswer:")), 0.0, 16, 0, "l", "en");
    private static final ChatRequest CJK = new ChatRequest(
            List.of(ChatMessage.user("问题：\"北京\" \\ 是哪国的首都？\t\u0001\u007f\u2028 A. 中国")), 0.7, 512, 3, "l", "zh");
    private static final ChatRequest EMOJI = new ChatRequest(
            List.of(ChatMessage.user("emoji 😀 and a lone \ud800 surrogate")), 1.0, 8, 4, "l", "sw");
    private static final ChatRequest STRUCTURED = new ChatRequest(
            List.of(ChatMessage.user("Pick one.\nA. x\nB. y")), 0.0, 16, 1, "l", "de", List.of("A", "B"));

    @Test
    void keysWrittenByEarlierVersionsAreTheKeysComputedNow() {
        assertThat(ResponseCache.key("openai", ENDPOINT, "gpt-4o", PLAIN))
                .isEqualTo("535635a0ab0df70ea74e563afd7fe9059276d4110a0afc9d28b77a7149bbd12a");
        assertThat(ResponseCache.key("openai", ENDPOINT, "gpt-4o", PLAIN, true))
                .isEqualTo("6342d862af97fed4d41b61b31c37e068bdccefd4ec8f07596ccf9befe2c6424a");
        assertThat(ResponseCache.key("openai", ENDPOINT, "gpt-4o", PLAIN, new Asked(Optional.empty(), "", false)))
                .isEqualTo("8ed6c1ccc91bcfddd16d50ac65b62878e6ae2eb52c153e79b7edd400c9dee505");
        assertThat(ResponseCache.key("azure", "https://r.openai.azure.com", "dep", CJK,
                new Asked(Optional.of(42L), "2024-10-21", true)))
                .isEqualTo("48b92d595a6a9e9b495e5865610e336b0a6eca9379992eff15944594e50aad2c");
        assertThat(ResponseCache.key("anthropic", "https://api.anthropic.com", "claude", EMOJI,
                new Asked(Optional.empty(), "2023-06-01", false)))
                .isEqualTo("6e45e72f7fab209f33da223b082f1dc4c335da258066c42d142b009108e5422e");
        assertThat(ResponseCache.key("openai", ENDPOINT, "gpt-4o", STRUCTURED, new Asked(Optional.of(-7L), "", true)))
                .isEqualTo("473a0403d51bbe5bbb242610ed1739afc48d7f1d7b07d0fafa02db7be289fe53");
    }

    @Test
    void randomPromptsInEveryScriptKeepTheKeyOfTheirJsonText() throws Exception {
        Random random = new Random(17);
        // ASCII with JSON's escapes, Latin-1, CJK, Devanagari, Arabic, line separators, and surrogates paired or not
        char[][] ranges = {{0, 0x7f}, {0x80, 0xff}, {0x4e00, 0x4fff}, {0x0900, 0x097f}, {0x0600, 0x06ff},
            {0x2028, 0x2029}, {0xd800, 0xdfff}};
        for (int n = 0; n < 2_000; n++) {
            StringBuilder prompt = new StringBuilder();
            int length = random.nextInt(400);
            for (int i = 0; i < length; i++) {
                char[] range = ranges[random.nextInt(ranges.length)];
                if (range[0] == 0xd800 && random.nextBoolean()) {
                    prompt.appendCodePoint(0x1f600 + random.nextInt(80));
                } else {
                    prompt.append((char) (range[0] + random.nextInt(range[1] - range[0] + 1)));
                }
            }
            ChatRequest request = new ChatRequest(List.of(ChatMessage.user(prompt.toString())), random.nextDouble(),
                    random.nextInt(4096), random.nextInt(8), "l", "xx");
            Asked asked = new Asked(random.nextBoolean() ? Optional.of(random.nextLong()) : Optional.empty(), "v",
                    random.nextBoolean());
            assertThat(ResponseCache.key("openai", ENDPOINT, "m", request, asked))
                    .as("prompt %d: %s", n, prompt).isEqualTo(definition(request, asked));
        }
    }

    @Test
    void escapesWrittenInThePromptItselfKeepTheKeyOfTheirJsonText() throws Exception {
        // the text of an escape is not an escape: a backslash, then uD83D, is six characters of the prompt
        for (String prompt : List.of("\\uD83D", "\\\\uDE00 x", "a \\ud800", "\\u00e9 \\n \"q\"", "tab\there\u0000",
                "\\\ud83d\ude00", "\ud83d", "end \udfff")) {
            ChatRequest request = new ChatRequest(List.of(ChatMessage.user(prompt)), 0.0, 16, 0, "l", "xx");
            Asked asked = new Asked(Optional.empty(), "v", false);
            assertThat(ResponseCache.key("openai", ENDPOINT, "m", request, asked)).as(prompt)
                    .isEqualTo(definition(request, asked));
        }
    }

    /** The format-2 key as it is defined: SHA-256 of the UTF-8 bytes of the key object's JSON text. */
    private static String definition(ChatRequest request, Asked asked) throws Exception {
        ObjectNode k = new ObjectMapper().createObjectNode();
        k.put("provider", "openai");
        k.put("endpoint", ENDPOINT);
        k.put("model", "m");
        k.put("temperature", request.temperature());
        k.put("maxTokens", request.maxTokens());
        k.put("sample", request.sampleIndex());
        ArrayNode messages = k.putArray("messages");
        request.messages().forEach(m -> messages.addObject().put("role", m.role()).put("content", m.content()));
        k.put("format", 2);
        k.put("answerFormat", "text");
        k.put("logprobs", asked.logprobs());
        if (asked.seed().isPresent()) {
            k.put("seed", asked.seed().get());
        } else {
            k.putNull("seed");
        }
        k.put("apiVersion", asked.apiVersion());
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(k.toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }
}
