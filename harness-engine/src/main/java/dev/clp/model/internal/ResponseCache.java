package dev.clp.model.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clp.model.ChatRequest;
import dev.clp.model.ChatResponse;
import dev.clp.model.http.JsonBytes;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;

/**
 * Model responses in one SQLite file (WAL), keyed by provider, endpoint, model, decoding parameters,
 * messages and sample index, so each of K samples is cached on its own. Thread-safe: lookups run on connections of
 * their own ({@link CacheReaders}: several at once, and beside a write, which WAL allows); writes are queued and
 * committed in batches by one writer thread (one transaction per batch instead of per answer, off the callers' path). {@link #close} commits what is queued; so does the JVM's
 * exit when the cache was not closed (a run stopped with Ctrl-C or a CI timeout's SIGTERM keeps every answer it had
 * received by then).
 *
 * <p>A cache that cannot take a write (a full disk, a read-only file or mount, an I/O error) never costs an answer: it
 * degrades to memory for the rest of the run (every answer of the run is still served from it) and keeps one
 * {@link #warning} naming the file and the reason. {@link #open(Path, boolean) Read-only} opening
 * ({@code clp.cache=read-only}, {@code replay}) asks SQLite for a read-only connection, which writes no journal, and
 * opens the file as immutable when its directory cannot be written (a WAL file on a read-only mount has no
 * {@code -shm} to share).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ResponseCache implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SCHEMA = 1;

    private final Path file;
    /** The connection, or null when there is no file to read (a read-only cache whose file does not exist). */
    private final Connection db;
    /** Columns of an older cache may lack {@code letter_probs}; read-only opening cannot add it. */
    private final boolean hasLetterProbs;
    private final boolean readOnlyMode;
    /** Set once, by the first write or read that failed: from then on answers are kept in memory only. */
    private final java.util.concurrent.atomic.AtomicReference<String> degraded = new java.util.concurrent.atomic.AtomicReference<>();
    /** Answers queued for the writer and not yet handled by it (written, or kept in memory after a failure). */
    private final java.util.concurrent.atomic.AtomicLong queued = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.BlockingQueue<Object[]> pending = new java.util.concurrent.LinkedBlockingQueue<>();
    private final Map<String, ChatResponse> unwritten = new java.util.concurrent.ConcurrentHashMap<>();
    /** The keys of {@link #unwritten} that a batch answered ({@link #putFromBatch}). */
    private final java.util.Set<String> unwrittenFromBatch = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Thread writer;
    /** Commits what is queued when the JVM exits before {@link #close}; removed by {@link #close}. */
    private final Thread commitOnExit;
    private static final Object[] STOP = new Object[0];
    private static final long BATCH_WINDOW_MILLIS = 200;
    private static final int BATCH_MAX = 1024;
    /** The lookup connections (opened at the first lookups); set by the factory that opened {@link #db}. */
    private volatile CacheReaders readers;
    /** A read failed. */
    private volatile boolean readFailed;

    private ResponseCache(Path file, Connection db, boolean hasLetterProbs, String degradedBecause) {
        this(file, db, hasLetterProbs, degradedBecause, false);
    }

    /** @param readOnlyMode opened for {@code read-only} or {@code replay}, which never write */
    private ResponseCache(Path file, Connection db, boolean hasLetterProbs, String degradedBecause,
            boolean readOnlyMode) {
        this.readOnlyMode = readOnlyMode;
        this.file = file;
        this.db = db;
        this.hasLetterProbs = hasLetterProbs;
        this.degraded.set(degradedBecause);
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
                boolean written = false;
                if (degraded.get() == null) {
                    try {
                        writeBatch(batch);
                        written = true;
                    } catch (SQLException e) {
                        degrade("cannot write the cache (" + e.getMessage() + ")");
                    }
                }
                for (Object[] row : batch) {
                    if (written) {
                        // committed: served from the file from now on; otherwise it stays in memory for the run
                        if (unwritten.remove((String) row[0], row[2])) {
                            unwrittenFromBatch.remove((String) row[0]);
                        }
                    }
                }
                queued.addAndGet(-batch.size());
                batch.clear();
            }
            if (stop) {
                return;
            }
        }
    }

    /** Records the first failure; the cache keeps every answer in memory from then on. */
    private void degrade(String why) {
        degraded.compareAndSet(null, why);
    }

    private synchronized void writeBatch(List<Object[]> batch) throws SQLException {
        if (db == null || db.isReadOnly()) {
            throw new SQLException("the file was opened read-only");
        }
        SQLException failure = null;
        try {
            db.setAutoCommit(false);
            try (PreparedStatement ps = db.prepareStatement("INSERT OR REPLACE INTO responses (key, model, created, "
                    + "text, finish_reason, prompt_tokens, completion_tokens, letter_probs, origin) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
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
                    ps.setString(9, (String) row[3]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            db.commit();
        } catch (SQLException e) {
            failure = e;
            try {
                db.rollback();
            } catch (SQLException r) {
                // SQLite has rolled back already after SQLITE_FULL: no transaction is left to roll back
                e.addSuppressed(r);
            }
        }
        try {
            db.setAutoCommit(true);
        } catch (SQLException e) {
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Opens (creating if needed) the cache file for reading and writing. A file that cannot be written (read-only
     * file, directory or mount, full disk) is opened read-only, or not at all, and the cache keeps this run's answers
     * in memory with a {@link #warning}.
     *
     * @throws CacheException naming the file when it is not a usable SQLite cache (corrupt, not SQLite, another schema)
     */
    public static ResponseCache open(Path file) {
        return open(file, false);
    }

    /**
     * Opens the cache file; {@code readOnly}: for {@code clp.cache=read-only} and {@code replay}, which never write. A
     * read-only opening creates nothing: a missing file is an empty cache with a {@link #warning}.
     *
     * @throws CacheException naming the file when it is not a usable SQLite cache
     */
    public static ResponseCache open(Path file, boolean readOnly) {
        return open(file, readOnly, new Properties());
    }

    /** As {@link #open(Path, boolean)}, with further sqlite-jdbc settings (tests: {@code max_page_count}). */
    static ResponseCache open(Path file, boolean readOnly, Properties sqlite) {
        Path abs = file.toAbsolutePath();
        SqliteNative.prepare();
        if (readOnly) {
            if (!Files.exists(abs)) {
                return new ResponseCache(file, null, false, "does not exist, so every lookup misses", true);
            }
            return openReadOnly(file, sqlite, null, true);
        }
        try {
            Path parent = abs.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            return new ResponseCache(file, null, false, "cannot create the cache directory (" + e + ")");
        }
        Connection db = null;
        try {
            db = connect(abs, false, false, sqlite);
            try (Statement st = db.createStatement()) {
                st.execute("PRAGMA journal_mode = WAL");
                st.execute("PRAGMA synchronous = NORMAL");
                st.execute("CREATE TABLE IF NOT EXISTS meta (schema INTEGER NOT NULL)");
                st.execute("CREATE TABLE IF NOT EXISTS responses (key TEXT PRIMARY KEY, model TEXT NOT NULL, "
                        + "created TEXT NOT NULL, text TEXT NOT NULL, finish_reason TEXT, prompt_tokens INTEGER, "
                        + "completion_tokens INTEGER, letter_probs TEXT, origin TEXT)");
                if (!hasColumn(st, "letter_probs")) {
                    // caches written before clp.logprobs: the column is added, old rows have none
                    st.execute("ALTER TABLE responses ADD COLUMN letter_probs TEXT");
                }
                if (!hasColumn(st, "origin")) {
                    // caches written before batch answers were told apart: old rows read as synchronous calls
                    st.execute("ALTER TABLE responses ADD COLUMN origin TEXT");
                }
                try (ResultSet rs = st.executeQuery("SELECT schema FROM meta")) {
                    if (!rs.next()) {
                        st.execute("INSERT INTO meta(schema) VALUES (" + SCHEMA + ")");
                    } else {
                        checkSchema(file, rs.getInt(1));
                    }
                }
            }
            return reading(new ResponseCache(file, db, true, null), () -> connect(abs, false, false, sqlite));
        } catch (SQLException e) {
            closeQuietly(db, e);
            if (cannotWrite(e)) {
                String why = "cannot write the cache (" + e.getMessage() + ")";
                return Files.exists(abs) ? openReadOnly(file, sqlite, why, false) : new ResponseCache(file, null, false, why);
            }
            throw new CacheException(file + ": not a usable SQLite cache (" + e.getMessage()
                    + "); move the file away, point clp.cache.path elsewhere, or set clp.cache=off", e);
        } catch (CacheException e) {
            closeQuietly(db, e);
            throw e;
        }
    }

    /**
     * A read-only connection: SQLite's read-only open mode, and {@code immutable=1} when the directory cannot be written
     * (a read-only mount), where SQLite could not create the {@code -shm} file a WAL database needs even for reading.
     *
     * @param degradedBecause why a read-write opening fell back to this, or null
     */
    private static ResponseCache openReadOnly(Path file, Properties sqlite, String degradedBecause,
            boolean readOnlyMode) {
        Path abs = file.toAbsolutePath();
        Path parent = abs.getParent();
        boolean immutable = parent != null && !Files.isWritable(parent);
        Connection db = null;
        try {
            try {
                db = connect(abs, true, immutable, sqlite);
                probe(db);
            } catch (SQLException e) {
                if (immutable) {
                    throw e;
                }
                // the directory looked writable but the -shm file could not be made (a read-only file system as root)
                closeQuietly(db, e);
                db = connect(abs, true, true, sqlite);
                probe(db);
                immutable = true;
            }
            boolean asOpened = immutable;
            try (Statement st = db.createStatement()) {
                try (ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'meta'")) {
                    if (!rs.next()) {
                        // an empty SQLite file: nothing cached yet
                        db.close();
                        return new ResponseCache(file, null, false, degradedBecause, readOnlyMode);
                    }
                }
                try (ResultSet rs = st.executeQuery("SELECT schema FROM meta")) {
                    if (rs.next()) {
                        checkSchema(file, rs.getInt(1));
                    }
                }
                return reading(new ResponseCache(file, db, hasColumn(st, "letter_probs"), degradedBecause,
                        readOnlyMode), () -> connect(abs, true, asOpened, sqlite));
            }
        } catch (SQLException e) {
            closeQuietly(db, e);
            throw new CacheException(file + ": cannot open the cache read-only (" + e.getMessage()
                    + "); move the file away, point clp.cache.path elsewhere, or set clp.cache=off", e);
        } catch (CacheException e) {
            closeQuietly(db, e);
            throw e;
        }
    }

    private static Connection connect(Path abs, boolean readOnly, boolean immutable, Properties sqlite)
            throws SQLException {
        org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig(sqlite);
        config.setBusyTimeout(10_000);
        config.setReadOnly(readOnly);
        config.setOpenMode(org.sqlite.SQLiteOpenMode.OPEN_URI);
        // a file: URI with the path percent-encoded, so that '?' or '#' in a path is part of the name
        String uri = abs.toUri().toString().replaceFirst("^file:///", "file:/");
        String query = readOnly ? "?mode=ro" + (immutable ? "&immutable=1" : "") : "";
        return DriverManager.getConnection("jdbc:sqlite:" + uri + query, config.toProperties());
    }

    /** Reads the schema: opening is lazy, and a file that cannot be opened only says so at the first read. */
    private static void probe(Connection db) throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_master")) {
            rs.next();
        }
    }

    private static boolean hasColumn(Statement st, String column) throws SQLException {
        try (ResultSet cols = st.executeQuery("PRAGMA table_info(responses)")) {
            while (cols.next()) {
                if (column.equals(cols.getString("name"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void checkSchema(Path file, int schema) {
        if (schema != SCHEMA) {
            throw new CacheException(file + ": cache schema " + schema + " is not " + SCHEMA
                    + " (written by another version); move the file away or set clp.cache.path");
        }
    }

    /** SQLite could not write (read-only file or database, full disk, I/O error, a file it cannot create). */
    private static boolean cannotWrite(SQLException e) {
        int primary = e.getErrorCode() & 0xff;
        return primary == 8 /* SQLITE_READONLY */ || primary == 13 /* SQLITE_FULL */ || primary == 10 /* SQLITE_IOERR */
                || primary == 14 /* SQLITE_CANTOPEN */;
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

    /** SHA-256 of the key's JSON text in UTF-8 ({@link JsonBytes#utf8}: without a String of it). */
    private static String digest(ObjectNode k) {
        return HexFormat.of().formatHex(sha256().digest(JsonBytes.utf8(JSON, k)));
    }

    private static final MessageDigest SHA256 = newSha256();

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh digest: a clone of one looked up once (the provider lookup cost as much as hashing a short prompt). */
    private static MessageDigest sha256() {
        try {
            return (MessageDigest) SHA256.clone();
        } catch (CloneNotSupportedException e) {
            return newSha256();
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
        return lookup(key).map(Hit::response);
    }

    /**
     * A cached answer and whether a batch filled it.
     *
     * @param fromBatch filled by {@code clp batch collect} or {@code import} ({@link #putFromBatch}), not by a
     *     synchronous call
     */
    public record Hit(ChatResponse response, boolean fromBatch) {
    }

    /** The cached answer of a key, with where it came from. */
    public Optional<Hit> lookup(String key) {
        ChatResponse queued = unwritten.get(key);
        if (queued != null) {
            return Optional.of(new Hit(queued, unwrittenFromBatch.contains(key)));
        }
        return read(key);
    }

    /** Reads on a lookup connection of its own (several at once, beside the writer: WAL). */
    private Optional<Hit> read(String key) {
        if (db == null || readFailed) {
            return Optional.empty();
        }
        try {
            CacheReaders lookups = readers;
            PreparedStatement ps = lookups.borrow();
            try {
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
                    return Optional.of(new Hit(new ChatResponse(rs.getString(1), rs.getString(2), rs.getInt(3),
                            rs.getInt(4), 0, letters), BATCH.equals(rs.getString(6))));
                }
            } finally {
                lookups.giveBack(ps);
            }
        } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
            // a cache that cannot be read costs a call, never an answer: the lookup misses, and later ones do not try
            readFailed = true;
            degrade("cannot read the cache (" + e.getMessage() + ")");
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * Lookups on connections that {@code opener} opens as {@link #db} was opened; the columns of the file (an older
     * cache opened read-only may lack some) are read now, before the writer can hold {@link #db}.
     */
    private static ResponseCache reading(ResponseCache cache, CacheReaders.Opener opener) throws SQLException {
        try (Statement st = cache.db.createStatement()) {
            boolean origin = hasColumn(st, "origin");
            cache.readers = new CacheReaders(opener, "SELECT text, finish_reason, prompt_tokens, completion_tokens, "
                    + (cache.hasLetterProbs ? "letter_probs" : "NULL") + ", " + (origin ? "origin" : "NULL")
                    + " FROM responses WHERE key = ?");
            return cache;
        } catch (SQLException e) {
            try {
                cache.close(); // its writer thread and exit hook; the caller closes the connection again
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /**
     * Queues an answer for writing; visible to {@link #get} at once, and for the rest of the run when it cannot be
     * written (see {@link #warning}). Never throws.
     */
    public void put(String key, String model, ChatResponse response) {
        put(key, model, response, null);
    }

    /** As {@link #put}, for an answer a batch gave: a run that replays it counts it as a batch answer. */
    public void putFromBatch(String key, String model, ChatResponse response) {
        put(key, model, response, BATCH);
    }

    /** The {@code origin} of a row a batch filled; null for a synchronous call (and every row of older caches). */
    private static final String BATCH = "batch";

    private void put(String key, String model, ChatResponse response, String origin) {
        unwritten.put(key, response);
        if (origin == null) {
            unwrittenFromBatch.remove(key);
        } else {
            unwrittenFromBatch.add(key);
        }
        if (degraded.get() == null) {
            queued.incrementAndGet();
            pending.add(new Object[] {key, model, response, origin});
        }
    }

    /**
     * Why the cache keeps answers in memory instead of in its file, naming the file: a write or read that failed,
     * or a file that could not be opened for writing. Empty while the cache works.
     */
    public Optional<String> warning() {
        String why = degraded.get();
        return why == null ? Optional.empty() : Optional.of(file + ": " + why + (readOnlyMode ? ""
                : "; this run's answers are kept in memory (every answer still counts) and not cached for later runs"));
    }

    /** Whether SQLite opened the file read-only (or there is no file to open). */
    public boolean readOnly() {
        try {
            return db == null || db.isReadOnly();
        } catch (SQLException e) {
            return true;
        }
    }

    /** Entries in the cache (after committing what is queued). */
    public long size() {
        flush();
        return count();
    }

    /** Waits until every queued answer is committed. */
    public void flush() {
        while (queued.get() > 0 && writer.isAlive()) {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private synchronized long count() {
        if (db == null) {
            return 0;
        }
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
            if (readers != null) {
                readers.close();
            }
            if (db != null) {
                db.close();
            }
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
