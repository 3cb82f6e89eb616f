package dev.clp.model.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clp.model.ChatResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lookups from many threads at once: what each returns, and that none waits for a write. */
class ResponseCacheReadersTest {

    @TempDir
    Path tmp;

    private static ChatResponse answer(int i) {
        return new ChatResponse("answer " + i, i % 3 == 0 ? "length" : "stop", 10 + i, i, 0,
                i % 2 == 0 ? new TreeMap<>(Map.of("A", 0.25, "B", 0.75 - i / 1000.0)) : null);
    }

    @Test
    void lookupsFromManyThreadsAtOnceReturnExactlyWhatOneThreadReadsOneByOne() throws Exception {
        Path file = tmp.resolve("c.sqlite");
        try (ResponseCache cache = ResponseCache.open(file)) {
            for (int i = 0; i < 400; i++) {
                if (i % 5 == 0) {
                    cache.putFromBatch("k" + i, "m", answer(i));
                } else {
                    cache.put("k" + i, "m", answer(i));
                }
            }
        }
        for (boolean readOnly : new boolean[] {false, true}) {
            List<Optional<ResponseCache.Hit>> one = new ArrayList<>();
            try (ResponseCache cache = ResponseCache.open(file, readOnly)) {
                for (int i = 0; i < 410; i++) {
                    one.add(cache.lookup("k" + i));
                }
            }
            assertThat(one.subList(0, 400)).allMatch(Optional::isPresent);
            assertThat(one.get(2).orElseThrow().response()).isEqualTo(answer(2));
            assertThat(one.get(5).orElseThrow().fromBatch()).isTrue();
            assertThat(one.subList(400, 410)).allMatch(Optional::isEmpty);
            ExecutorService pool = Executors.newFixedThreadPool(32);
            try (ResponseCache cache = ResponseCache.open(file, readOnly)) {
                List<Future<Optional<ResponseCache.Hit>>> many = new ArrayList<>();
                for (int round = 0; round < 3; round++) {
                    for (int i = 0; i < 410; i++) {
                        String key = "k" + i;
                        many.add(pool.submit(() -> cache.lookup(key)));
                    }
                }
                for (int j = 0; j < many.size(); j++) {
                    assertThat(many.get(j).get()).as("key k%d, read-only %s", j % 410, readOnly)
                            .isEqualTo(one.get(j % 410));
                }
                assertThat(cache.warning()).isEmpty();
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void aLookupDoesNotWaitForAWriteThatWaitsForTheFile() throws Exception {
        Path file = tmp.resolve("c.sqlite");
        try (ResponseCache cache = ResponseCache.open(file)) {
            cache.put("old", "m", answer(1));
        }
        try (ResponseCache cache = ResponseCache.open(file);
                Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = other.createStatement()) {
            // another process writes the same cache file: our writer waits for its lock (SQLite's busy timeout)
            st.execute("BEGIN IMMEDIATE");
            st.execute("INSERT INTO responses (key, model, created, text) VALUES ('theirs', 'm', 'now', 'T')");
            cache.put("new", "m", answer(2));
            // the writer gathers for at most 200 ms, then waits for the file
            Thread.sleep(1_000);
            ExecutorService reader = Executors.newSingleThreadExecutor();
            try {
                Future<Optional<ResponseCache.Hit>> old = reader.submit(() -> cache.lookup("old"));
                assertThat(old.get(60, TimeUnit.SECONDS)).hasValueSatisfying(h -> assertThat(h.response())
                        .isEqualTo(answer(1)));
                assertThat(cache.warning()).as("answered while the write still waits for the file, not after it gave up")
                        .isEmpty();
                assertThat(cache.lookup("new")).as("a queued answer is served from memory")
                        .hasValueSatisfying(h -> assertThat(h.response()).isEqualTo(answer(2)));
            } finally {
                reader.shutdownNow();
            }
            st.execute("COMMIT");
        }
        try (ResponseCache cache = ResponseCache.open(file, true)) {
            assertThat(cache.lookup("new")).as("written once the other process let go").isPresent();
            assertThat(cache.lookup("theirs")).isPresent();
        }
    }
}
