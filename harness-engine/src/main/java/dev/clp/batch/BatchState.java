package dev.clp.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clp.model.spi.BatchException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * What was submitted, in a JSON file that any later process reads: the run's settings (suites and {@code clp.*} keys,
 * never an API key: keys come from the environment), each batch's id and the cache keys it holds, whether it was
 * collected, and the requests that came back without an answer. Every {@link #save} writes a temporary file beside it
 * and moves it over the old one atomically, so a process killed at any moment leaves the last complete state.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class BatchState {

    static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * One submitted batch.
     *
     * @param id the provider's batch id
     * @param inputFile the uploaded input file's id (OpenAI, Azure), or "" (Anthropic)
     * @param keys the cache keys of its requests (its custom ids)
     * @param status the provider's last reported status
     * @param collected its answers are in the cache and its failures recorded
     */
    public record Batch(String id, String inputFile, List<String> keys, String status, boolean collected) {
        public Batch {
            keys = List.copyOf(keys);
        }

        Batch with(String newStatus, boolean isCollected) {
            return new Batch(id, inputFile, keys, newStatus, isCollected);
        }
    }

    private final Path file;
    private final String provider;
    private final List<String> suites;
    private final Map<String, String> properties;
    private final List<Batch> batches = new ArrayList<>();
    /** Requests a batch returned without an answer, by cache key: why. Resubmitted by the next submit. */
    private final Map<String, String> failed = new TreeMap<>();
    private long batchAnswers;
    private long syncAnswers;
    private long promptTokens;
    private long completionTokens;

    public BatchState(Path file, String provider, List<String> suites, Map<String, String> properties) {
        this.file = file;
        this.provider = provider;
        this.suites = List.copyOf(suites);
        this.properties = new TreeMap<>(properties);
    }

    /**
     * Reads a state file.
     *
     * @throws BatchException naming the file when it is missing or not a state file
     */
    public static BatchState read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BatchException(file + ": no batch state file; run clp batch submit first (or pass --state FILE)");
        }
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BatchException(file + ": not a batch state file (" + e.getMessage() + ")", e);
        }
        if (root == null || root.path("format").asInt() != FORMAT || !root.path("provider").isTextual()) {
            throw new BatchException(file + ": not a batch state file of format " + FORMAT);
        }
        List<String> suites = new ArrayList<>();
        root.path("suites").forEach(s -> suites.add(s.asText()));
        Map<String, String> props = new LinkedHashMap<>();
        root.path("properties").properties().forEach(e -> props.put(e.getKey(), e.getValue().asText()));
        BatchState state = new BatchState(file, root.get("provider").asText(), suites, props);
        for (JsonNode b : root.path("batches")) {
            List<String> keys = new ArrayList<>();
            b.path("keys").forEach(k -> keys.add(k.asText()));
            state.batches.add(new Batch(b.path("id").asText(), b.path("inputFile").asText(""), keys,
                    b.path("status").asText(""), b.path("collected").asBoolean()));
        }
        root.path("failed").properties().forEach(e -> state.failed.put(e.getKey(), e.getValue().asText()));
        state.batchAnswers = root.path("batchAnswers").asLong();
        state.syncAnswers = root.path("synchronousAnswers").asLong();
        state.promptTokens = root.path("promptTokens").asLong();
        state.completionTokens = root.path("completionTokens").asLong();
        return state;
    }

    /** Writes the state: a temporary file beside it, moved over it atomically. */
    public synchronized void save() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("provider", provider);
        suites.forEach(root.putArray("suites")::add);
        ObjectNode props = root.putObject("properties");
        properties.forEach(props::put);
        root.put("batchAnswers", batchAnswers);
        root.put("synchronousAnswers", syncAnswers);
        root.put("promptTokens", promptTokens);
        root.put("completionTokens", completionTokens);
        ArrayNode list = root.putArray("batches");
        for (Batch b : batches) {
            ObjectNode n = list.addObject();
            n.put("id", b.id()).put("inputFile", b.inputFile()).put("status", b.status()).put("collected", b.collected());
            b.keys().forEach(n.putArray("keys")::add);
        }
        ObjectNode f = root.putObject("failed");
        failed.forEach(f::put);
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try {
                Files.writeString(tmp, JSON.writeValueAsString(root), StandardCharsets.UTF_8);
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new BatchException(file + ": cannot write the batch state file: " + e.getMessage()
                    + " (the batches submitted so far are " + ids() + ")", e);
        }
    }

    public Path file() {
        return file;
    }

    public String provider() {
        return provider;
    }

    public List<String> suites() {
        return suites;
    }

    public Map<String, String> properties() {
        return java.util.Collections.unmodifiableMap(properties);
    }

    public synchronized List<Batch> batches() {
        return List.copyOf(batches);
    }

    synchronized void add(Batch batch) {
        batches.add(batch);
    }

    synchronized void update(String id, String status, boolean collected) {
        for (int i = 0; i < batches.size(); i++) {
            if (batches.get(i).id().equals(id)) {
                batches.set(i, batches.get(i).with(status, collected));
            }
        }
    }

    /** The keys of batches not collected yet: submitted and possibly still to be answered, never submitted again. */
    public synchronized Set<String> inFlight() {
        Set<String> keys = new LinkedHashSet<>();
        batches.stream().filter(b -> !b.collected()).forEach(b -> keys.addAll(b.keys()));
        return keys;
    }

    public synchronized Map<String, String> failed() {
        return Map.copyOf(failed);
    }

    synchronized void failed(String key, String why) {
        failed.put(key, why);
    }

    synchronized void answered(String key, int in, int out) {
        failed.remove(key);
        batchAnswers++;
        promptTokens += in;
        completionTokens += out;
    }

    synchronized void answeredSynchronously(String key) {
        failed.remove(key);
        syncAnswers++;
    }

    /** Answers a collect fetched synchronously ({@code --sync-fallback}) for requests a batch did not answer. */
    public synchronized long synchronousAnswers() {
        return syncAnswers;
    }

    /** Answers filed in the cache from batches (or an imported output file). */
    public synchronized long batchAnswers() {
        return batchAnswers;
    }

    public synchronized long promptTokens() {
        return promptTokens;
    }

    public synchronized long completionTokens() {
        return completionTokens;
    }

    private String ids() {
        return batches.stream().map(Batch::id).toList().toString();
    }
}
