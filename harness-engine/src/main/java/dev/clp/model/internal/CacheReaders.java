package dev.clp.model.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The {@link ResponseCache}'s lookup connections, each with its prepared lookup, lent to one thread at a time. SQLite
 * in WAL mode lets readers run beside each other and beside the writer; one connection under one lock made the
 * workers of a warm rerun (2 × concurrency + 2 of them) take their turn at every lookup, and held every lookup while a
 * write waited for the file. Opened on first use, at most {@value #MAX} of them.
 */
final class CacheReaders implements AutoCloseable {

    /** Opens one more connection to the cache file, as the cache's own was opened. */
    @FunctionalInterface
    interface Opener {
        Connection open() throws SQLException;
    }

    static final int MAX = 4;

    private final Opener opener;
    private final String sql;
    private final BlockingQueue<PreparedStatement> idle = new ArrayBlockingQueue<>(MAX);
    /** Guarded by this. */
    private final List<Connection> opened = new ArrayList<>();
    /** Set under this; read without it by the lending paths. */
    private volatile boolean closed;

    CacheReaders(Opener opener, String sql) {
        this.opener = opener;
        this.sql = sql;
    }

    /**
     * A lookup statement for the calling thread alone, until {@link #giveBack}; waits when all are lent, and fails with
     * "the cache is closed" once {@link #close} has run, also while waiting (a lent reader may never come back).
     */
    PreparedStatement borrow() throws SQLException, InterruptedException {
        while (true) {
            if (closed) {
                throw closedFailure();
            }
            PreparedStatement ps = idle.poll();
            if (ps != null) {
                return ps;
            }
            synchronized (this) {
                if (closed) {
                    throw closedFailure();
                }
                if (opened.size() < MAX) {
                    return openOne();
                }
            }
            ps = idle.poll(WAIT_STEP_MS, TimeUnit.MILLISECONDS);
            if (ps != null) {
                if (closed) {
                    throw closedFailure();
                }
                return ps;
            }
        }
    }

    /** How long a waiting borrower sleeps before it looks at {@link #closed} again. */
    private static final long WAIT_STEP_MS = 100;

    private static SQLException closedFailure() {
        return new SQLException("the cache is closed");
    }

    /** Guarded by this (the caller holds it). */
    private PreparedStatement openOne() throws SQLException {
        Connection c = opener.open();
        opened.add(c);
        try {
            return c.prepareStatement(sql);
        } catch (SQLException e) {
            opened.remove(c);
            try {
                c.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /** Returns a borrowed statement; after {@link #close} it is dropped (its connection is closed with the rest). */
    void giveBack(PreparedStatement ps) {
        if (!closed) {
            idle.add(ps);
        }
    }

    /** Closes every connection (statements with them); a lookup still running on one fails and misses. */
    @Override
    public synchronized void close() throws SQLException {
        closed = true;
        SQLException failure = null;
        for (Connection c : opened) {
            try {
                c.close();
            } catch (SQLException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        opened.clear();
        idle.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
