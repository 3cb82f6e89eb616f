package dev.clp.model.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Closing the cache's readers while lookups wait for one: a thread waiting for a reader when every one is lent (and
 * none comes back: its holder is stuck on a slow disk or was interrupted) must end with the cache's "closed" failure,
 * not wait for ever; a reader given back after the close is not lent again.
 */
class CacheReadersCloseTest {

    @TempDir
    Path dir;

    private CacheReaders readers() {
        String url = "jdbc:sqlite:" + dir.resolve("cache.db");
        return new CacheReaders(() -> DriverManager.getConnection(url), "select 1");
    }

    @Test
    void aBorrowerWaitingForALentReaderFailsWhenTheReadersClose() throws Exception {
        CacheReaders readers = readers();
        List<PreparedStatement> lent = new ArrayList<>();
        for (int i = 0; i < CacheReaders.MAX; i++) {
            lent.add(readers.borrow());
        }
        CompletableFuture<PreparedStatement> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return readers.borrow();
            } catch (SQLException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(200); // let it reach its wait; whether or not it has, the close must end it
        assertThat(waiting).isNotDone();
        readers.close();
        // 10 s is a hang detector, not a timing goal: before the fix the borrower waited in take() for ever
        assertThatThrownBy(() -> waiting.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .rootCause().isInstanceOf(SQLException.class).hasMessageContaining("the cache is closed");
        for (PreparedStatement ps : lent) {
            readers.giveBack(ps); // the holders come back late: dropped, not lent (the second case checks that)
        }
    }

    @Test
    void aReaderGivenBackAfterTheCloseIsNotLentAgain() throws Exception {
        CacheReaders readers = readers();
        PreparedStatement ps = readers.borrow();
        readers.close();
        readers.giveBack(ps);
        assertThatThrownBy(readers::borrow).isInstanceOf(SQLException.class).hasMessageContaining("closed");
    }
}
