package dev.clp.probes;

import dev.clp.model.ChatResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A generator run's checkpoint, one SQLite file (WAL): every model answer the run received, committed before
 * the run uses it; the pairs accepted per batch and the batches finished, committed together. A run killed at
 * any point and started again with the same settings skips the finished batches, replays the unfinished one
 * from the recorded answers (the search is deterministic) and so ends with the same accepted pairs without
 * sending any recorded call again.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Checkpoint implements AutoCloseable {

    /** One finished batch and the next seed index to read after it. */
    public record Batch(int index, int nextSeed) {
    }

    private final Path file;
    private final Connection db;
    private final PreparedStatement findCall;
    private final PreparedStatement putCall;

    private Checkpoint(Path file, Connection db) throws SQLException {
        this.file = file;
        this.db = db;
        this.findCall = db.prepareStatement("SELECT text, finish, prompt_tokens, completion_tokens FROM calls WHERE key = ?");
        this.putCall = db.prepareStatement("INSERT OR IGNORE INTO calls(key, kind, model, text, finish, prompt_tokens,"
                + " completion_tokens) VALUES (?, ?, ?, ?, ?, ?, ?)");
    }

    /**
     * Opens or creates a checkpoint for a run with this fingerprint.
     *
     * @throws GeneratorException naming the file when it is not a checkpoint, is locked or corrupt, or belongs to a
     *     run with other settings (naming the first setting that differs)
     */
    public static Checkpoint open(Path file, String fingerprint) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            dev.clp.model.Storage.prepareSqlite();
            Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA busy_timeout = 2000");
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA synchronous = NORMAL");
                s.execute("CREATE TABLE IF NOT EXISTS meta(k TEXT PRIMARY KEY, v TEXT NOT NULL)");
                s.execute("CREATE TABLE IF NOT EXISTS calls(key TEXT PRIMARY KEY, kind TEXT NOT NULL, model TEXT NOT NULL,"
                        + " text TEXT, finish TEXT, prompt_tokens INTEGER, completion_tokens INTEGER)");
                s.execute("CREATE TABLE IF NOT EXISTS batches(idx INTEGER PRIMARY KEY, next_seed INTEGER NOT NULL)");
                s.execute("CREATE TABLE IF NOT EXISTS accepted(id TEXT PRIMARY KEY, batch INTEGER NOT NULL,"
                        + " line TEXT NOT NULL)");
            }
            Checkpoint cp = new Checkpoint(file, db);
            cp.claim(fingerprint);
            return cp;
        } catch (SQLException e) {
            throw new GeneratorException("checkpoint " + file + ": " + describe(e)
                    + " (delete it to start the run afresh, or choose another with --checkpoint)", e);
        } catch (java.io.IOException e) {
            throw new GeneratorException("checkpoint " + file + ": cannot create its directory: " + e.getMessage(), e);
        }
    }

    private void claim(String fingerprint) throws SQLException {
        Optional<String> existing = meta("fingerprint");
        if (existing.isEmpty()) {
            try (PreparedStatement p = db.prepareStatement("INSERT INTO meta(k, v) VALUES ('fingerprint', ?)")) {
                p.setString(1, fingerprint);
                p.executeUpdate();
            }
            return;
        }
        if (!existing.get().equals(fingerprint)) {
            String[] was = existing.get().split("\n");
            String[] now = fingerprint.split("\n");
            String differs = "settings";
            for (int i = 0; i < Math.min(was.length, now.length); i++) {
                if (!was[i].equals(now[i])) {
                    differs = "it was started with " + was[i] + ", this run has " + now[i];
                    break;
                }
            }
            throw new GeneratorException("checkpoint " + file + " belongs to another run: " + differs
                    + " (delete it to start afresh, or choose another with --checkpoint)");
        }
    }

    private Optional<String> meta(String key) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("SELECT v FROM meta WHERE k = ?")) {
            p.setString(1, key);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** The recorded answer to a call, if the run received it before. */
    public synchronized Optional<ChatResponse> recorded(String key) {
        try {
            findCall.setString(1, key);
            try (ResultSet rs = findCall.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ChatResponse(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), 0));
            }
        } catch (SQLException e) {
            throw failure("read a recorded answer", e);
        }
    }

    /** Records an answer (committed when this returns). */
    public synchronized void record(String key, String kind, String model, ChatResponse r) {
        try {
            putCall.setString(1, key);
            putCall.setString(2, kind);
            putCall.setString(3, model);
            putCall.setString(4, r.text());
            putCall.setString(5, r.finishReason());
            putCall.setInt(6, r.promptTokens());
            putCall.setInt(7, r.completionTokens());
            putCall.executeUpdate();
        } catch (SQLException e) {
            throw failure("record an answer", e);
        }
    }

    /** Records an accepted pair (committed when this returns). */
    public synchronized void accept(int batch, String id, String line) {
        try (PreparedStatement a = db.prepareStatement("INSERT OR IGNORE INTO accepted(id, batch, line) VALUES (?, ?, ?)")) {
            a.setString(1, id);
            a.setInt(2, batch);
            a.setString(3, line);
            a.executeUpdate();
        } catch (SQLException e) {
            throw failure("record an accepted pair", e);
        }
    }

    /** Whether a pair with this id was accepted. */
    public synchronized boolean isAccepted(String id) {
        try (PreparedStatement p = db.prepareStatement("SELECT 1 FROM accepted WHERE id = ?")) {
            p.setString(1, id);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw failure("read the accepted pairs", e);
        }
    }

    /** Marks a batch finished: a rerun starts after it, at seed {@code nextSeed}. */
    public synchronized void finishBatch(int index, int nextSeed) {
        try (PreparedStatement b = db.prepareStatement("INSERT OR REPLACE INTO batches(idx, next_seed) VALUES (?, ?)")) {
            b.setInt(1, index);
            b.setInt(2, nextSeed);
            b.executeUpdate();
        } catch (SQLException e) {
            throw failure("record a finished batch", e);
        }
    }

    /** The finished batches, in order. */
    public synchronized List<Batch> batches() {
        List<Batch> out = new ArrayList<>();
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("SELECT idx, next_seed FROM batches ORDER BY idx")) {
            while (rs.next()) {
                out.add(new Batch(rs.getInt(1), rs.getInt(2)));
            }
        } catch (SQLException e) {
            throw failure("read the finished batches", e);
        }
        return out;
    }

    /** Every accepted pair's canonical line, by id. */
    public synchronized List<String> acceptedLines() {
        List<String> lines = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT line FROM accepted ORDER BY id")) {
            while (rs.next()) {
                lines.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw failure("read the accepted pairs", e);
        }
        return lines;
    }

    /** Number of accepted pairs. */
    public synchronized int acceptedCount() {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM accepted")) {
            return rs.next() ? rs.getInt(1) : 0;
        } catch (SQLException e) {
            throw failure("count the accepted pairs", e);
        }
    }

    /** Number of answers recorded. */
    public synchronized long recordedCalls() {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM calls")) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw failure("count the recorded answers", e);
        }
    }

    public Path file() {
        return file;
    }

    private GeneratorException failure(String what, SQLException e) {
        return new GeneratorException("checkpoint " + file + ": cannot " + what + ": " + describe(e), e);
    }

    private static String describe(SQLException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("SQLITE_BUSY") || m.contains("locked")) {
            return "the file is locked by another process (is another clp generate using it?)";
        }
        if (m.contains("SQLITE_NOTADB") || m.contains("SQLITE_CORRUPT") || m.contains("malformed")) {
            return "the file is not a readable SQLite checkpoint (" + m + ")";
        }
        return m;
    }

    @Override
    public synchronized void close() {
        try {
            findCall.close();
            putCall.close();
            db.close();
        } catch (SQLException e) {
            throw failure("close", e);
        }
    }
}
