package dev.supervisor.core.jdbc.internal;

import dev.supervisor.core.jdbc.JdbcStoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import javax.sql.DataSource;

/**
 * Runs work in a transaction and retries transient failures (lost connection, serialisation conflicts) a few times
 * with back-off. Compare-and-set writes make a retried transaction safe: a change that did commit before the
 * connection broke fails its version check on retry instead of being applied twice.
 */
final class Sql {
    private static final int ATTEMPTS = 4;
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
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
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
                if (!transient_(e) || attempt == ATTEMPTS) {
                    break;
                }
                backoff(attempt);
            }
        }
        throw new JdbcStoreException("database failed to " + what + ": " + (last == null ? "" : last.getMessage()),
                last);
    }

    private static boolean transient_(SQLException e) {
        String state = e.getSQLState();
        return e instanceof SQLTransientException || state != null && (state.startsWith("08")
                || state.equals("40001") || state.equals("40P01"));
    }

    private static void backoff(int attempt) {
        try {
            Thread.sleep(50L << attempt);
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
