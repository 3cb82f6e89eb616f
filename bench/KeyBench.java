import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clp.model.ChatMessage;
import dev.clp.model.ChatRequest;
import dev.clp.model.internal.ResponseCache;
import dev.clp.model.openai.OpenAiChatClient;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What each model call costs the harness before and after the network, on one thread, in CPU time: its response-cache
 * key and its request body's bytes, for the prompts of the published pairs (both sides, K samples each), on the
 * harness's JVM flags. Run it with the class path of one build or another to compare them on the same prompts:
 *
 * <pre>java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp 'probes/target/lib/*' bench/KeyBench.java DATASET/pairs [K]</pre>
 *
 * The body is written as that build's OpenAiChatClient writes it: through {@code JsonBytes} where the build has it,
 * else {@code toString()} and {@code getBytes}. Prints microseconds of CPU per call, best of five rounds.
 */
public final class KeyBench {
    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper();
        int k = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<String> prompts = new ArrayList<>();
        try (var files = Files.list(Path.of(args[0]))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                for (JsonNode e : json.readTree(f.toFile())) {
                    prompts.add(prompt(e.path("question").asText(), e.path("choices")));
                    prompts.add(prompt(e.path("transquestion").asText(), e.path("transchoices")));
                }
            }
        }
        OpenAiChatClient client = new OpenAiChatClient("http://127.0.0.1:1/v1", "mock", null, "OPENAI_API_KEY",
                Duration.ofSeconds(60));
        Method utf8 = null;
        try {
            utf8 = Class.forName("dev.clp.model.http.JsonBytes").getMethod("utf8", ObjectMapper.class, JsonNode.class);
        } catch (ClassNotFoundException before) {
            // a build before JsonBytes: the body goes through a String
        }
        ResponseCache.Asked asked = new ResponseCache.Asked(Optional.empty(), "", false);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long best = Long.MAX_VALUE;
        int calls = 0;
        long sink = 0;
        for (int round = 0; round < 5; round++) {
            long start = cpu.getCurrentThreadCpuTime();
            calls = 0;
            for (String p : prompts) {
                for (int s = 0; s < k; s++) {
                    ChatRequest request = new ChatRequest(List.of(ChatMessage.user(p)), 0.0, 1024, s, "bench", "xx");
                    String key = ResponseCache.key("openai", "http://127.0.0.1:1/v1", "mock", request, asked);
                    ObjectNode body = client.requestBody(request);
                    byte[] bytes = utf8 != null ? (byte[]) utf8.invoke(null, json, body)
                            : body.toString().getBytes(StandardCharsets.UTF_8);
                    sink += key.charAt(0) + bytes.length;
                    calls++;
                }
            }
            best = Math.min(best, cpu.getCurrentThreadCpuTime() - start);
        }
        System.out.printf("%s: %d calls (%d prompts x K=%d), %.1f us CPU per call for key + body, best of 5 rounds"
                + " (checksum %d)%n", utf8 != null ? "with JsonBytes" : "before JsonBytes", calls, prompts.size(), k,
                best / 1e3 / calls, sink % 1000);
    }

    /** About the size and script of the harness's prompt: an instruction, the question, lettered options. */
    private static String prompt(String question, JsonNode choices) {
        StringBuilder sb = new StringBuilder("Answer the following multiple-choice question. Think briefly, then give "
                + "the letter of the correct option on the last line as 'Answer: X'.\n\n").append(question).append("\n\n");
        char letter = 'A';
        for (JsonNode c : choices) {
            sb.append(letter++).append(". ").append(c.asText()).append('\n');
        }
        return sb.append("\nAnswer:").toString();
    }
}
