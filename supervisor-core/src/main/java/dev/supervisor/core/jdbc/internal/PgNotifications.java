package dev.supervisor.core.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL's {@code LISTEN/NOTIFY} for the event log: channel {@code sup_events} is notified in the writer's
 * transaction (delivered on commit, collapsed per transaction) by a trigger on every insert into {@code sup_event},
 * and by {@link #send} where a change has no event but others must hear of it (ready tasks, a stop request); one
 * daemon thread per store listens on a
 * dedicated connection and wakes every waiting thread, so several followers of one store (a cluster node's event
 * feed, {@code Supervisor.follow} listeners) each learn of every notification. Needs the PostgreSQL driver's own
 * connection interface; without the driver followers poll.
 */
final class PgNotifications {
    private static final Logger LOG = LoggerFactory.getLogger(PgNotifications.class);
    static final String CHANNEL = "sup_events";
    private final DataSource ds;
    /** Counts notifications (and reconnections, after which anything may have been missed). Guarded by this. */
    private long generation;
    private final ThreadLocal<long[]> seen = ThreadLocal.withInitial(() -> new long[] {-1});
    private Thread listener;

    private PgNotifications(DataSource ds) {
        this.ds = ds;
    }

    /** @return a listener, or null when the PostgreSQL driver is not on the class path */
    static PgNotifications of(DataSource ds) {
        try {
            Class.forName("org.postgresql.PGConnection", false, PgNotifications.class.getClassLoader());
            return new PgNotifications(ds);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    static void send(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify('" + CHANNEL + "', '')")) {
            ps.execute();
        }
    }

    /**
     * Waits until a notification arrived that this thread has not seen, or the timeout passes.
     *
     * @return true (the store can tell: returning at the timeout means nothing was notified meanwhile)
     */
    synchronized boolean await(Duration timeout) throws InterruptedException {
        if (listener == null) {
            listener = new Thread(this::listen, "supervisor-pg-listen");
            listener.setDaemon(true);
            listener.start();
        }
        long[] mine = seen.get();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (generation == mine[0]) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return true;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        mine[0] = generation;
        return true;
    }

    private synchronized void signal() {
        generation++;
        notifyAll();
    }

    private void listen() {
        while (true) {
            try (Connection c = ds.getConnection()) {
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                org.postgresql.PGConnection pg = c.unwrap(org.postgresql.PGConnection.class);
                signal(); // events may have been stored while nobody listened
                while (true) {
                    var got = pg.getNotifications(500);
                    if (got != null && got.length > 0) {
                        signal();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                LOG.debug("listening for events failed; listening again in a second", e);
                try {
                    TimeUnit.SECONDS.sleep(1);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }
}
