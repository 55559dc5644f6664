package dev.supervisor.core.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A fixed-size connection pool for tests: close() hands the connection back instead of closing it, or replaces it
 * with a new one if the database dropped it (as a real pool does).
 */
final class SimplePool implements DataSource {
    private final BlockingQueue<Connection> idle;
    private final String url;

    SimplePool(String url, int size) throws SQLException {
        this.url = url;
        idle = new ArrayBlockingQueue<>(size);
        for (int i = 0; i < size; i++) {
            idle.add(DriverManager.getConnection(url));
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection real;
        try {
            real = idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a connection", e);
        }
        boolean[] returned = {false, false}; // handed back, broken
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (p, m, a) -> {
                    if (m.getName().equals("close")) {
                        if (!returned[0]) {
                            returned[0] = true;
                            idle.add(returned[1] ? replace(real) : reusable(real));
                        }
                        return null;
                    }
                    try {
                        return m.invoke(real, a);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        // Like HikariCP: a connection that saw a fatal error is evicted when handed back.
                        if (e.getCause() instanceof SQLException se && se.getSQLState() != null
                                && (se.getSQLState().startsWith("08") || se.getSQLState().startsWith("57P0"))) {
                            returned[1] = true;
                        }
                        throw e.getCause();
                    }
                });
    }

    private Connection reusable(Connection real) throws SQLException {
        try {
            if (!real.getAutoCommit()) {
                real.rollback();
                real.setAutoCommit(true);
            }
            if (!real.isClosed()) {
                return real;
            }
        } catch (SQLException broken) {
            // Dropped by the server: fall through and replace it.
        }
        return replace(real);
    }

    private Connection replace(Connection real) throws SQLException {
        try {
            real.close();
        } catch (SQLException ignored) {
            // It is being thrown away.
        }
        return DriverManager.getConnection(url);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
