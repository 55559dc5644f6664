package dev.supervisor.core.jdbc.internal;

import dev.supervisor.core.jdbc.JdbcStoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import javax.sql.DataSource;

/**
 * Runs work in a transaction and retries transient failures (lost connection, server restart, serialisation
 * conflicts) with back-off for up to 30 seconds. Compare-and-set writes make a retried transaction safe: a change
 * that did commit before the connection broke fails its version check on retry instead of being applied twice,
 * and the store then recognises its own write.
 */
final class Sql {
    /** How long transient failures are retried: long enough to ride out a database failover or restart. */
    private static final long RETRY_BUDGET_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
    private final DataSource ds;

    /** Work inside a transaction. */
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    Sql(DataSource ds) {
        this.ds = ds;
    }

    <T> T tx(String what, Work<T> work) {
        return run(what, work, true);
    }

    <T> T read(String what, Work<T> work) {
        return run(what, work, false);
    }

    private <T> T run(String what, Work<T> work, boolean write) {
        SQLException last = null;
        long deadline = System.nanoTime() + RETRY_BUDGET_NANOS;
        for (int attempt = 1; ; attempt++) {
            try (Connection c = ds.getConnection()) {
                c.setAutoCommit(!write);
                try {
                    T result = work.run(c);
                    if (write) {
                        c.commit();
                    }
                    return result;
                } catch (SQLException | RuntimeException e) {
                    if (write) {
                        rollbackQuietly(c);
                    }
                    throw e;
                }
            } catch (SQLException e) {
                last = e;
                if (!transient_(e) || System.nanoTime() - deadline > 0) {
                    break;
                }
                backoff(attempt);
            }
        }
        throw new JdbcStoreException("database failed to " + what + ": " + (last == null ? "" : last.getMessage()),
                last);
    }

    /**
     * Connection exceptions (class 08), the server ending the session on shutdown, crash or failover (57P01-57P03:
     * what a client sees when its connection is dropped), serialisation failures and deadlocks.
     */
    static boolean transient_(SQLException e) {
        String state = e.getSQLState();
        return e instanceof SQLTransientException || state != null && (state.startsWith("08")
                || state.startsWith("57P0") || state.equals("40001") || state.equals("40P01"));
    }

    /** Exponential from 100 ms, capped at 2 s, with jitter so that nodes cut off together do not return together. */
    private static void backoff(int attempt) {
        long cap = Math.min(2_000L, 50L << Math.min(attempt, 6));
        try {
            Thread.sleep(cap / 2 + java.util.concurrent.ThreadLocalRandom.current().nextLong(cap / 2 + 1));
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // The original failure matters more than a failed rollback.
        }
    }
}
