package dev.clp.model.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clp.model.ChatResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which answers of the cache a batch filed: a column added to older caches, which stay readable. */
class ResponseCacheOriginTest {

    @TempDir
    Path tmp;

    private static ChatResponse answer(String text) {
        return new ChatResponse(text, "stop", 10, 1, 0, null);
    }

    @Test
    void anAnswerFiledFromABatchIsToldApartFromASynchronousOneAfterReopening() {
        Path file = tmp.resolve("c.sqlite");
        try (ResponseCache cache = ResponseCache.open(file)) {
            cache.put("sync", "m", answer("A"));
            cache.putFromBatch("batch", "m", answer("B"));
            assertThat(cache.lookup("batch")).hasValueSatisfying(h -> assertThat(h.fromBatch()).isTrue());
            assertThat(cache.lookup("sync")).hasValueSatisfying(h -> assertThat(h.fromBatch()).isFalse());
        }
        try (ResponseCache cache = ResponseCache.open(file, true)) {
            assertThat(cache.lookup("batch")).hasValueSatisfying(h -> {
                assertThat(h.fromBatch()).isTrue();
                assertThat(h.response().text()).isEqualTo("B");
            });
            assertThat(cache.lookup("sync")).hasValueSatisfying(h -> assertThat(h.fromBatch()).isFalse());
        }
    }

    @Test
    void aCacheWrittenBeforeTheColumnIsReadReadOnlyAndMigratedReadWrite() throws Exception {
        Path file = tmp.resolve("old.sqlite");
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = db.createStatement()) {
            st.execute("CREATE TABLE meta (schema INTEGER NOT NULL)");
            st.execute("INSERT INTO meta(schema) VALUES (1)");
            st.execute("CREATE TABLE responses (key TEXT PRIMARY KEY, model TEXT NOT NULL, created TEXT NOT NULL, "
                    + "text TEXT NOT NULL, finish_reason TEXT, prompt_tokens INTEGER, completion_tokens INTEGER, "
                    + "letter_probs TEXT)");
            st.execute("INSERT INTO responses VALUES ('k', 'm', '2026-01-01T00:00:00Z', 'C', 'stop', 5, 1, NULL)");
        }
        try (ResponseCache cache = ResponseCache.open(file, true)) {
            assertThat(cache.lookup("k")).hasValueSatisfying(h -> {
                assertThat(h.response().text()).isEqualTo("C");
                assertThat(h.fromBatch()).isFalse();
            });
            assertThat(cache.warning()).isEmpty();
        }
        try (ResponseCache cache = ResponseCache.open(file)) {
            assertThat(cache.lookup("k")).hasValueSatisfying(h -> assertThat(h.fromBatch()).isFalse());
            cache.putFromBatch("k2", "m", answer("D"));
        }
        try (ResponseCache cache = ResponseCache.open(file, true)) {
            assertThat(cache.lookup("k2")).hasValueSatisfying(h -> assertThat(h.fromBatch()).isTrue());
            assertThat(cache.lookup("k")).hasValueSatisfying(h -> assertThat(h.response().text()).isEqualTo("C"));
        }
    }
}
