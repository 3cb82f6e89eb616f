package dev.clp.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Model responses in one SQLite file (WAL), keyed by provider, endpoint, model, decoding parameters,
 * messages and sample index, so each of K samples is cached on its own. Thread-safe: lookups run on one
 * connection under a lock; writes are queued and committed in batches by one writer thread (one transaction
 * per batch instead of per answer, off the callers' path). {@link #close} commits what is queued; so does the JVM's
 * exit when the cache was not closed (a run stopped with Ctrl-C or a CI timeout's SIGTERM keeps every answer it had
 * received by then).
 */
public final class ResponseCache implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SCHEMA = 1;

    private final Path file;
    private final Connection db;
    private final java.util.concurrent.BlockingQueue<Object[]> pending = new java.util.concurrent.LinkedBlockingQueue<>();
    private final Map<String, ChatResponse> unwritten = new java.util.concurrent.ConcurrentHashMap<>();
    private final Thread writer;
    /** Commits what is queued when the JVM exits before {@link #close}; removed by {@link #close}. */
    private final Thread commitOnExit;
    private volatile CacheException writeFailure;
    private static final Object[] STOP = new Object[0];
    private static final long BATCH_WINDOW_MILLIS = 200;
    private static final int BATCH_MAX = 1024;
    /** The lookup statement, prepared on first use; guarded by this. */
    private PreparedStatement select;

    private ResponseCache(Path file, Connection db) {
        this.file = file;
        this.db = db;
        this.writer = new Thread(this::writeLoop, "clp-cache-writer");
        this.writer.setDaemon(true);
        this.writer.start();
        this.commitOnExit = new Thread(this::stopWriter, "clp-cache-exit");
        Runtime.getRuntime().addShutdownHook(commitOnExit);
    }

    /**
     * Drains the queue in batches: one transaction per batch, gathering answers for up to
     * {@value #BATCH_WINDOW_MILLIS} ms (or {@value #BATCH_MAX} answers) so that a run commits a few times a second
     * instead of once per answer; a queued answer is served from memory until it is committed.
     */
    private void writeLoop() {
        List<Object[]> batch = new ArrayList<>();
        while (true) {
            boolean stop;
            try {
                batch.add(pending.take());
                long deadline = System.nanoTime() + BATCH_WINDOW_MILLIS * 1_000_000L;
                stop = batch.get(0) == STOP;
                while (!stop && batch.size() < BATCH_MAX) {
                    pending.drainTo(batch, BATCH_MAX - batch.size());
                    stop = batch.contains(STOP);
                    long left = deadline - System.nanoTime();
                    if (stop || batch.size() >= BATCH_MAX || left <= 0) {
                        break;
                    }
                    Object[] next = pending.poll(left, TimeUnit.NANOSECONDS);
                    if (next != null) {
                        batch.add(next);
                        stop = next == STOP;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            batch.remove(STOP);
            if (!batch.isEmpty()) {
                try {
                    writeBatch(batch);
                } catch (CacheException e) {
                    writeFailure = e;
                }
                for (Object[] row : batch) {
                    unwritten.remove((String) row[0]);
                }
                batch.clear();
            }
            if (stop) {
                return;
            }
        }
    }

    private synchronized void writeBatch(List<Object[]> batch) {
        try {
            db.setAutoCommit(false);
            try (PreparedStatement ps = db.prepareStatement("INSERT OR REPLACE INTO responses (key, model, created, "
                    + "text, finish_reason, prompt_tokens, completion_tokens, letter_probs) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                String now = Instant.now().toString();
                for (Object[] row : batch) {
                    ChatResponse r = (ChatResponse) row[2];
                    ps.setString(1, (String) row[0]);
                    ps.setString(2, (String) row[1]);
                    ps.setString(3, now);
                    ps.setString(4, r.text());
                    ps.setString(5, r.finishReason());
                    ps.setInt(6, r.promptTokens());
                    ps.setInt(7, r.completionTokens());
                    ps.setString(8, r.letterProbabilities() == null ? null : JSON.valueToTree(r.letterProbabilities())
                            .toString());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            db.commit();
        } catch (SQLException e) {
            try {
                db.rollback();
            } catch (SQLException r) {
                e.addSuppressed(r);
            }
            throw new CacheException(file + ": cannot write the cache: " + e.getMessage(), e);
        } finally {
            try {
                db.setAutoCommit(true);
            } catch (SQLException e) {
                writeFailure = new CacheException(file + ": cache connection failed: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Opens (creating if needed) the cache file.
     *
     * @throws CacheException naming the file when it is not a usable SQLite cache (corrupt, not SQLite, locked,
     *     unwritable)
     */
    public static ResponseCache open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new CacheException(file + ": cannot create the cache directory: " + e.getMessage(), e);
        }
        SqliteNative.prepare();
        Connection db = null;
        try {
            db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement st = db.createStatement()) {
                st.execute("PRAGMA busy_timeout = 10000");
                st.execute("PRAGMA journal_mode = WAL");
                st.execute("PRAGMA synchronous = NORMAL");
                st.execute("CREATE TABLE IF NOT EXISTS meta (schema INTEGER NOT NULL)");
                st.execute("CREATE TABLE IF NOT EXISTS responses (key TEXT PRIMARY KEY, model TEXT NOT NULL, "
                        + "created TEXT NOT NULL, text TEXT NOT NULL, finish_reason TEXT, prompt_tokens INTEGER, "
                        + "completion_tokens INTEGER, letter_probs TEXT)");
                boolean hasLetterProbs = false;
                try (ResultSet cols = st.executeQuery("PRAGMA table_info(responses)")) {
                    while (cols.next()) {
                        hasLetterProbs |= "letter_probs".equals(cols.getString("name"));
                    }
                }
                if (!hasLetterProbs) {
                    // caches written before clp.logprobs: the column is added, old rows have none
                    st.execute("ALTER TABLE responses ADD COLUMN letter_probs TEXT");
                }
                try (ResultSet rs = st.executeQuery("SELECT schema FROM meta")) {
                    if (!rs.next()) {
                        st.execute("INSERT INTO meta(schema) VALUES (" + SCHEMA + ")");
                    } else if (rs.getInt(1) != SCHEMA) {
                        throw new CacheException(file + ": cache schema " + rs.getInt(1) + " is not " + SCHEMA
                                + " (written by another version); move the file away or set clp.cache.path");
                    }
                }
            }
            return new ResponseCache(file, db);
        } catch (SQLException e) {
            closeQuietly(db, e);
            throw new CacheException(file + ": not a usable SQLite cache (" + e.getMessage()
                    + "); move the file away, point clp.cache.path elsewhere, or set clp.cache=off", e);
        } catch (CacheException e) {
            closeQuietly(db, e);
            throw e;
        }
    }

    private static void closeQuietly(Connection db, Exception primary) {
        if (db != null) {
            try {
                db.close();
            } catch (SQLException e) {
                primary.addSuppressed(e);
            }
        }
    }

    /**
     * The request's key without the client's settings (format 1): what {@code clp generate}'s checkpoints are keyed
     * by, kept as it was so that a checkpoint written before still replays. Model answers use {@link #key(String,
     * String, String, ChatRequest, Asked)}.
     */
    public static String key(String provider, String endpoint, String model, ChatRequest request) {
        return key(provider, endpoint, model, request, false);
    }

    /** The format-1 key; {@code logprobs}: the request asked for log probabilities ({@code clp.logprobs}). */
    public static String key(String provider, String endpoint, String model, ChatRequest request, boolean logprobs) {
        ObjectNode k = request(provider, endpoint, model, request);
        if (logprobs) {
            k.put("logprobs", true);
        }
        return digest(k);
    }

    private static ObjectNode request(String provider, String endpoint, String model, ChatRequest request) {
        ObjectNode k = JSON.createObjectNode();
        k.put("provider", provider);
        k.put("endpoint", endpoint);
        k.put("model", model);
        k.put("temperature", request.temperature());
        k.put("maxTokens", request.maxTokens());
        k.put("sample", request.sampleIndex());
        ArrayNode messages = k.putArray("messages");
        request.messages().forEach(m -> messages.addObject().put("role", m.role()).put("content", m.content()));
        if (request.structured()) {
            ArrayNode letters = k.putArray("answerLetters");
            request.answerLetters().forEach(letters::add);
        }
        return k;
    }

    private static String digest(ObjectNode k) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(k.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What a client sends with every request besides the request itself, each able to change the answer.
     *
     * @param seed {@code clp.seed} (sent plus the sample index where the provider takes a seed)
     * @param apiVersion the provider's API version (Azure {@code api-version}, Anthropic {@code anthropic-version});
     *     empty for providers without one
     * @param logprobs the client asks for log probabilities ({@code clp.logprobs}); never for structured answers
     */
    public record Asked(Optional<Long> seed, String apiVersion, boolean logprobs) {
        public Asked {
            apiVersion = apiVersion == null ? "" : apiVersion;
        }
    }

    /**
     * The cache key: provider, endpoint, model, the messages (system prompt included), temperature, most tokens,
     * sample index, answer format (the option letters of a structured answer), seed, API version and log
     * probabilities. Keys before the seed and API version were part of it (format 1) never match these (format 2).
     */
    public static String key(String provider, String endpoint, String model, ChatRequest request, Asked asked) {
        ObjectNode k = request(provider, endpoint, model, request);
        k.put("format", 2);
        k.put("answerFormat", request.structured() ? "json" : "text");
        k.put("logprobs", asked.logprobs() && !request.structured());
        if (asked.seed().isPresent()) {
            k.put("seed", asked.seed().get());
        } else {
            k.putNull("seed");
        }
        k.put("apiVersion", asked.apiVersion());
        return digest(k);
    }

    public Optional<ChatResponse> get(String key) {
        ChatResponse queued = unwritten.get(key);
        if (queued != null) {
            return Optional.of(queued);
        }
        return read(key);
    }

    private synchronized Optional<ChatResponse> read(String key) {
        try {
            if (select == null) {
                // prepared once: preparing per lookup cost more than the lookup itself
                select = db.prepareStatement("SELECT text, finish_reason, prompt_tokens, completion_tokens, letter_probs "
                        + "FROM responses WHERE key = ?");
            }
            PreparedStatement ps = select;
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String probs = rs.getString(5);
                java.util.Map<String, Double> letters = null;
                if (probs != null) {
                    letters = new java.util.TreeMap<>();
                    for (var e : JSON.readTree(probs).properties()) {
                        letters.put(e.getKey(), e.getValue().asDouble());
                    }
                }
                return Optional.of(new ChatResponse(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), 0,
                        letters));
            }
        } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new CacheException(file + ": cannot read the cache: " + e.getMessage(), e);
        }
    }

    /**
     * Queues an answer for writing; visible to {@link #get} at once.
     *
     * @throws CacheException when an earlier batch could not be written (the file named)
     */
    public void put(String key, String model, ChatResponse response) {
        CacheException failure = writeFailure;
        if (failure != null) {
            throw failure;
        }
        unwritten.put(key, response);
        pending.add(new Object[] {key, model, response});
    }

    /** Entries in the cache (after committing what is queued). */
    public long size() {
        flush();
        return count();
    }

    /** Waits until every queued answer is committed. */
    public void flush() {
        while (!unwritten.isEmpty() && writer.isAlive()) {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private synchronized long count() {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM responses")) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new CacheException(file + ": cannot read the cache: " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(commitOnExit);
        } catch (IllegalStateException e) {
            // the JVM is exiting: the hook is committing the queue already, and stopWriter below waits for it too
        }
        stopWriter();
        closeConnection();
        if (writeFailure != null) {
            throw writeFailure;
        }
    }

    /** Queues the stop after every answer put so far and waits until the writer has committed them. */
    private void stopWriter() {
        pending.add(STOP);
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void closeConnection() {
        try {
            if (select != null) {
                select.close();
            }
            db.close();
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException(file + ": closing the cache failed: " + e.getMessage(), e));
        }
    }

    /** A cache file that cannot be used; the message names it and what to do. */
    public static final class CacheException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CacheException(String message, Throwable cause) {
            super(message, cause);
        }

        CacheException(String message) {
            super(message);
        }
    }
}
