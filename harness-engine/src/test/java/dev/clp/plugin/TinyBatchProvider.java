package dev.clp.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clp.model.ChatRequest;
import dev.clp.model.ChatResponse;
import dev.clp.model.ModelClient;
import dev.clp.model.ModelException;
import dev.clp.model.spi.BatchApi;
import dev.clp.model.spi.ModelProvider;
import dev.clp.model.spi.ProviderContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A test-only provider ({@code tinybatch:<model>}) whose batch API has limits a test sets ({@link #maxRequests},
 * {@link #maxBytes}) and answers every request "Answer: A" in memory, to watch how requests are split; its synchronous
 * client refuses every call.
 */
public final class TinyBatchProvider implements ModelProvider {

    public static volatile int maxRequests = 1000;
    public static volatile long maxBytes = Long.MAX_VALUE;
    /** Every submitted batch's lines. */
    public static final List<List<String>> SUBMITTED = new CopyOnWriteArrayList<>();
    private static final Map<String, List<String>> BATCHES = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String prefix() {
        return "tinybatch";
    }

    @Override
    public ModelClient create(ProviderContext context) {
        return new ModelClient() {
            @Override
            public ChatResponse complete(ChatRequest request) {
                throw new ModelException("tinybatch answers in batches only", 0);
            }

            @Override
            public String name() {
                return "tinybatch:" + context.model();
            }
        };
    }

    @Override
    public Optional<BatchApi> batch(ProviderContext context) {
        return Optional.of(new BatchApi() {
            @Override
            public int maxRequests() {
                return maxRequests;
            }

            @Override
            public long maxBytes() {
                return maxBytes;
            }

            @Override
            public String line(String customId, ChatRequest request) {
                return JSON.createObjectNode().put("custom_id", customId).put("prompt", request.lastUserText()).toString();
            }

            @Override
            public Submitted submit(List<String> lines) {
                String id = "tiny_" + SUBMITTED.size();
                SUBMITTED.add(List.copyOf(lines));
                BATCHES.put(id, List.copyOf(lines));
                return new Submitted(id, "", "ended");
            }

            @Override
            public Remote status(String id) {
                return new Remote(id, "ended", true, BATCHES.get(id).size() + " answered", "");
            }

            @Override
            public void results(Remote batch, Results sink) {
                int n = 0;
                for (String line : BATCHES.get(batch.id())) {
                    readLine(batch.id(), ++n, line, sink);
                }
            }

            @Override
            public void readLine(String where, int number, String line, Results sink) {
                try {
                    JsonNode l = JSON.readTree(line);
                    sink.answer(l.get("custom_id").asText(), new ChatResponse("Answer: A", "stop", 1, 1, 0));
                } catch (IOException e) {
                    sink.badLine(where, number, "not JSON");
                }
            }

            @Override
            public Remote cancel(String id) {
                return status(id);
            }
        });
    }

    public static long bytes(List<String> lines) {
        return lines.stream().mapToLong(l -> l.getBytes(StandardCharsets.UTF_8).length + 1L).sum();
    }
}
