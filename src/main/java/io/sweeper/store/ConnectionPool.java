package io.sweeper.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import org.jooq.ConnectionProvider;
import org.jooq.exception.DataAccessException;

/**
 * Keeps idle connections for reuse, because every store call is a short transaction and opening a
 * PostgreSQL connection (TCP + SCRAM) costs far more than the transaction itself. Connections are
 * opened on demand, so the pool grows to the number of threads using the store at once.
 */
final class ConnectionPool implements ConnectionProvider, AutoCloseable {
    /** Opens a new connection to the store's database. */
    @FunctionalInterface
    interface ConnectionSource {
        Connection open() throws SQLException;
    }

    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    private final ConnectionSource source;
    private final String maskedUrl;
    private final BlockingDeque<Connection> idle = new LinkedBlockingDeque<>();
    private volatile boolean closed;

    ConnectionPool(ConnectionSource source, String maskedUrl) {
        this.source = source;
        this.maskedUrl = maskedUrl;
    }

    @Override
    public Connection acquire() {
        if (closed) {
            throw new IllegalStateException("the store on " + maskedUrl + " is closed");
        }
        for (Connection connection = idle.pollFirst(); connection != null; connection = idle.pollFirst()) {
            if (isUsable(connection)) {
                return connection;
            }
            closeQuietly(connection);
        }
        try {
            return source.open();
        } catch (SQLException e) {
            throw new DataAccessException("cannot connect to " + maskedUrl + ": " + e.getMessage(), e);
        }
    }

    /** A connection comes back in auto-commit mode with nothing pending, or is dropped. */
    @Override
    public void release(Connection connection) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            if (!closed) {
                idle.offerFirst(connection);
                if (closed) {
                    close(); // the store closed while we were putting it back
                }
                return;
            }
        } catch (SQLException e) {
            // a broken connection is not worth keeping; the next acquire opens a fresh one
        }
        closeQuietly(connection);
    }

    private static boolean isUsable(Connection connection) {
        try {
            return connection.isValid(VALIDATION_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // closing is all we wanted; a connection that fails to close is gone either way
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Connection connection = idle.pollFirst(); connection != null; connection = idle.pollFirst()) {
            closeQuietly(connection);
        }
    }
}
