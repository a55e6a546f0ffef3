package io.sweeper.store;

import io.sweeper.SweeperException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import org.jooq.DSLContext;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * An open, migrated database: the jOOQ context every query runs through, and how to reach the
 * database for read-only queries.
 *
 * <p>For an H2 file, one connection is held open for the store's whole life: H2 closes an
 * embedded database when its last connection closes, which would release the file lock between
 * transactions and let another process in.
 */
final class Database implements AutoCloseable {
    final DatabaseKind kind;
    /** The URL connected to: the user's, plus the settings sweeper needs on H2. */
    final String url;
    /** The user's URL as it may be shown: without the settings sweeper added, password masked. */
    final String maskedUrl;
    final DSLContext dsl;
    private final ConnectionPool pool;
    private final Optional<Connection> h2Keeper;

    private Database(DatabaseKind kind, String url, String maskedUrl, ConnectionPool pool,
            Optional<Connection> h2Keeper) {
        this.kind = kind;
        this.url = url;
        this.maskedUrl = maskedUrl;
        this.pool = pool;
        this.h2Keeper = h2Keeper;
        Settings settings = new Settings()
                .withRenderSchema(false) // tables live in whatever schema the URL connects to
                .withRenderQuotedNames(RenderQuotedNames.ALWAYS)
                .withRenderNameCase(kind.nameCase)
                .withExecuteLogging(false);
        this.dsl = DSL.using(pool, kind.dialect, settings);
    }

    /** Opens (creating if needed) and migrates the database: for commands that write. */
    static Database open(String requestedUrl) {
        DatabaseKind kind = JdbcUrls.kindOf(requestedUrl);
        String url = kind == DatabaseKind.H2 ? JdbcUrls.withH2Settings(requestedUrl) : requestedUrl;
        if (kind == DatabaseKind.H2) {
            JdbcUrls.h2File(url).ifPresent(Database::requireWritableLocation);
        }
        return connect(kind, url, requestedUrl, () -> DriverManager.getConnection(url),
                () -> SchemaMigration.migrate(url, kind, JdbcUrls.mask(requestedUrl)));
    }

    /**
     * Opens an existing store for reading only, writing nothing to it: no file or table is
     * created, no migration runs, and the database itself refuses writes (an H2 file is opened
     * with {@code ACCESS_MODE_DATA=r}, so a damaged file or a full disk stays as it is; a
     * PostgreSQL session is read-only). A store that does not exist, or whose schema differs from
     * this sweeper's, is a SweeperException.
     */
    static Database openReadOnly(String requestedUrl) {
        DatabaseKind kind = JdbcUrls.kindOf(requestedUrl);
        String url = kind == DatabaseKind.H2 ? JdbcUrls.withH2ReadOnlySettings(requestedUrl) : requestedUrl;
        return connect(kind, url, requestedUrl, () -> readOnlyConnection(kind, url),
                () -> SchemaMigration.requireCurrent(url, kind, JdbcUrls.mask(requestedUrl)));
    }

    /**
     * A connection to {@code url} in which PostgreSQL refuses writes: every transaction, also in
     * auto-commit, is {@code READ ONLY} (the driver's {@code readOnlyMode=always}), and so is the
     * session's default. A statement can still switch a session back ({@code SET}), so callers
     * that run a user's SQL must not let one through (see {@link SingleQuery}). On H2, a plain
     * connection: its URL says read-only.
     */
    static Connection readOnlyConnection(DatabaseKind kind, String url) throws SQLException {
        if (kind == DatabaseKind.H2) {
            return DriverManager.getConnection(url);
        }
        Properties session = new Properties();
        session.setProperty("readOnlyMode", "always");
        session.setProperty("options", "-c default_transaction_read_only=on");
        Connection connection = DriverManager.getConnection(url, session);
        connection.setReadOnly(true);
        return connection;
    }

    private static Database connect(DatabaseKind kind, String url, String requestedUrl,
            ConnectionPool.ConnectionSource source, Runnable schemaStep) {
        String maskedUrl = JdbcUrls.mask(requestedUrl);
        OpenFailures failures = new OpenFailures(requestedUrl);
        ConnectionPool pool = new ConnectionPool(source, maskedUrl);
        Optional<Connection> keeper = Optional.empty();
        try {
            if (kind == DatabaseKind.H2) {
                keeper = Optional.of(source.open());
            }
            schemaStep.run();
            return new Database(kind, url, maskedUrl, pool, keeper);
        } catch (SweeperException e) {
            closeAll(pool, keeper);
            throw e;
        } catch (SQLException | RuntimeException e) {
            closeAll(pool, keeper);
            throw failures.describe(e);
        }
    }

    /** Creates the H2 file's folder, and says so in one line when that cannot work. */
    private static void requireWritableLocation(Path file) {
        Path folder = file.getParent();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            String reason = e instanceof FileAlreadyExistsException ? e.getMessage() + " is a file"
                    : e instanceof AccessDeniedException ? "no permission to write " + e.getMessage()
                    : e.toString();
            throw new SweeperException("cannot create the database folder " + folder + " (" + reason
                    + "): make its parent writable, or use --db with another location", e);
        }
        if (!Files.isWritable(folder)) {
            throw new SweeperException("database folder " + folder
                    + " is read-only: make it writable, or use --db with another location");
        }
        if (Files.exists(file) && !Files.isWritable(file)) {
            throw new SweeperException("database file " + file
                    + " is read-only: make it writable, or use --db with another location");
        }
    }

    private static void closeAll(ConnectionPool pool, Optional<Connection> keeper) {
        pool.close();
        keeper.ifPresent(Database::closeQuietly);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // nothing is pending on the keeper; a failed close leaves nothing to undo
        }
    }

    @Override
    public void close() {
        closeAll(pool, h2Keeper);
    }
}
