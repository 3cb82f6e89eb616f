package dev.clp.model.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clp.model.ChatResponse;
import dev.clp.testing.TmpfsMount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The response cache on a disk that cannot take its writes: a full database (SQLite's own {@code max_page_count}, a real
 * {@code SQLITE_FULL}), a read-only file or mount. Answers are never lost, the cache warns once, read-only modes open the
 * file read-only.
 */
class ResponseCacheDiskTest {

    @TempDir
    Path tmp;

    private static ChatResponse answer(int i) {
        return new ChatResponse("answer " + i + " " + "x".repeat(2000), "stop", 10, 1, 0, null);
    }

    @Test
    void aFullDatabaseDegradesToMemoryWithOneWarningAndKeepsEveryAnswer() {
        Path file = tmp.resolve("full.sqlite");
        ResponseCache.open(file).close();
        Properties tiny = new Properties();
        // the file's current size in pages plus one: the first batches fit, later ones get SQLITE_FULL
        tiny.setProperty("max_page_count", "12");
        ResponseCache cache = ResponseCache.open(file, false, tiny);
        for (int i = 0; i < 200; i++) {
            cache.put("k" + i, "m", answer(i)); // never throws, though the database is full
            if (i % 50 == 0) {
                cache.flush();
            }
        }
        cache.flush();
        for (int i = 0; i < 200; i++) {
            assertThat(cache.get("k" + i)).as("answer %d is still served", i).hasValueSatisfying(r ->
                    assertThat(r.text()).startsWith("answer "));
        }
        assertThat(cache.warning()).hasValueSatisfying(w -> assertThat(w).startsWith(file + ": cannot write the cache")
                .contains("SQLITE_FULL").contains("kept in memory"));
        cache.put("after", "m", answer(999));
        assertThat(cache.get("after")).isPresent();
        cache.close(); // does not throw: the failure was reported as the warning
    }

    @Test
    void aCacheWhoseInsertsFailServesItsAnswersAndKeepsNewOnesInMemory() throws Exception {
        Path file = tmp.resolve("ro.sqlite");
        try (ResponseCache cache = ResponseCache.open(file)) {
            cache.put("old", "m", answer(1));
        }
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = db.createStatement()) {
            // every later insert fails as on a disk that takes no writes
            st.execute("CREATE TRIGGER no_space BEFORE INSERT ON responses BEGIN "
                    + "SELECT RAISE(ABORT, 'database or disk is full'); END");
        }
        ResponseCache cache = ResponseCache.open(file);
        assertThat(cache.get("old")).isPresent();
        cache.put("new", "m", answer(2));
        cache.flush();
        assertThat(cache.get("new")).isPresent();
        assertThat(cache.warning()).hasValueSatisfying(w -> assertThat(w).contains("database or disk is full"));
        cache.close();
    }

    @Test
    void readOnlyOpeningWritesNothing() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("c"));
        Path file = dir.resolve("responses.sqlite");
        try (ResponseCache cache = ResponseCache.open(file)) {
            cache.put("k", "m", answer(1));
        }
        byte[] before = Files.readAllBytes(file);
        try (ResponseCache cache = ResponseCache.open(file, true)) {
            assertThat(cache.readOnly()).as("SQLite opened the file read-only").isTrue();
            assertThat(cache.get("k")).isPresent();
            assertThat(cache.get("other")).isEmpty();
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        Path wal = dir.resolve("responses.sqlite-wal");
        if (Files.exists(wal)) {
            // SQLite may create the WAL index beside a WAL database it reads; it writes no page to the log
            assertThat(Files.size(wal)).isZero();
        }
    }

    @Test
    void aReadOnlyOpeningOfAMissingFileCreatesNothing() {
        Path file = tmp.resolve("none/responses.sqlite");
        try (ResponseCache cache = ResponseCache.open(file, true)) {
            assertThat(cache.get("k")).isEmpty();
            assertThat(cache.warning()).hasValueSatisfying(w -> assertThat(w).contains(file.toString())
                    .contains("does not exist"));
        }
        assertThat(Files.exists(tmp.resolve("none"))).isFalse();
    }

    @Test
    void aCacheOnAReadOnlyMountOpensReadOnlyAndReadWriteDegrades() throws Exception {
        TmpfsMount mount = TmpfsMount.create(tmp.resolve("mnt"), "4m");
        try {
            Path file = mount.dir().resolve("responses.sqlite");
            try (ResponseCache cache = ResponseCache.open(file)) {
                cache.put("k", "m", answer(1));
            }
            mount.remountReadOnly();
            assertThatThrownBy(() -> Files.writeString(mount.dir().resolve("probe"), "x"))
                    .as("the mount takes no writes, even from root").isInstanceOf(IOException.class);
            try (ResponseCache cache = ResponseCache.open(file, true)) {
                assertThat(cache.readOnly()).isTrue();
                assertThat(cache.get("k")).isPresent();
                assertThat(cache.warning()).isEmpty();
            }
            try (ResponseCache cache = ResponseCache.open(file)) {
                assertThat(cache.get("k")).as("read-write on a read-only mount still serves hits").isPresent();
                cache.put("new", "m", answer(2));
                assertThat(cache.get("new")).isPresent();
                assertThat(cache.warning()).hasValueSatisfying(w -> assertThat(w).startsWith(file + ": cannot write"));
            }
        } finally {
            mount.unmount();
        }
    }
}
