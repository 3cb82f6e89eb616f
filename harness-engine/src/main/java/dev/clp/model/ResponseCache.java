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
import java.util.Optional;

/**
 * Model responses in one SQLite file (WAL), keyed by provider, endpoint, model, decoding parameters,
 * messages and sample index, so each of K samples is cached on its own. Thread-safe: statements run on one
 * connection under a lock, model calls happen outside it.
 */
public final class ResponseCache implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SCHEMA = 1;

    private final Path file;
    private final Connection db;

    private ResponseCache(Path file, Connection db) {
        this.file = file;
        this.db = db;
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
                        + "completion_tokens INTEGER)");
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

    /** The cache key of a request to a model at an endpoint. */
    public static String key(String provider, String endpoint, String model, ChatRequest request) {
        ObjectNode k = JSON.createObjectNode();
        k.put("provider", provider);
        k.put("endpoint", endpoint);
        k.put("model", model);
        k.put("temperature", request.temperature());
        k.put("maxTokens", request.maxTokens());
        k.put("sample", request.sampleIndex());
        ArrayNode messages = k.putArray("messages");
        request.messages().forEach(m -> messages.addObject().put("role", m.role()).put("content", m.content()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(k.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public synchronized Optional<ChatResponse> get(String key) {
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT text, finish_reason, prompt_tokens, completion_tokens FROM responses WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ChatResponse(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), 0));
            }
        } catch (SQLException e) {
            throw new CacheException(file + ": cannot read the cache: " + e.getMessage(), e);
        }
    }

    public synchronized void put(String key, String model, ChatResponse response) {
        try (PreparedStatement ps = db.prepareStatement("INSERT OR REPLACE INTO responses (key, model, created, text, "
                + "finish_reason, prompt_tokens, completion_tokens) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, key);
            ps.setString(2, model);
            ps.setString(3, Instant.now().toString());
            ps.setString(4, response.text());
            ps.setString(5, response.finishReason());
            ps.setInt(6, response.promptTokens());
            ps.setInt(7, response.completionTokens());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new CacheException(file + ": cannot write the cache: " + e.getMessage(), e);
        }
    }

    /** Entries in the cache. */
    public synchronized long size() {
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
    public synchronized void close() {
        try {
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
