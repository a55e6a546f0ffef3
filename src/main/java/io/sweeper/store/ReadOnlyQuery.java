package io.sweeper.store;

import io.sweeper.SweeperException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.exception.DataAccessException;

/**
 * Runs a user's SQL ({@code sweeper query}) so that it cannot change anything, in layers, each of
 * which would refuse a write on its own where it applies:
 * <ol>
 * <li>{@link SingleQuery}: exactly one query, parsed; no SET, COPY, CALL, DML or DDL, no
 *     second statement.</li>
 * <li>On PostgreSQL, no function PostgreSQL itself marks {@code VOLATILE} (the class of
 *     functions that may have side effects: {@code pg_terminate_backend}, {@code set_config},
 *     {@code pg_read_file}, {@code lo_import}, {@code nextval}, {@code dblink}, {@code pg_sleep}
 *     …), except a few that only return values ({@link #HARMLESS_VOLATILE}). Asking the database
 *     beats a list of names kept here, which would miss functions added by extensions or later
 *     releases.</li>
 * <li>The database's own refusal: on PostgreSQL a read-only transaction in a read-only session
 *     ({@link Database#readOnlyConnection}); on H2 the {@code sweeper_query} user (see
 *     {@code db/h2/R__query_reader.sql}), which may only SELECT, so H2 itself refuses writes and
 *     admin functions (files, CSV, Java aliases, SHUTDOWN) — H2 ignores JDBC's read-only flag.</li>
 * <li>A statement timeout ({@code setQueryTimeout}, and PostgreSQL's {@code statement_timeout}),
 *     so that a slow query neither runs nor holds an H2 file for ever.</li>
 * </ol>
 * The user's SQL is the only SQL text in the store not built with jOOQ: it is the input.
 */
final class ReadOnlyQuery {
    // H2's error codes (org.h2.api.ErrorCode) and PostgreSQL's SQLSTATEs
    private static final int H2_NOT_ENOUGH_RIGHTS = 90096;
    private static final int H2_ADMIN_RIGHTS_REQUIRED = 90040;
    private static final int H2_DATABASE_IS_READ_ONLY = 90097;
    private static final int H2_STATEMENT_CANCELED = 57014;
    private static final String PG_READ_ONLY_TRANSACTION = "25006";
    private static final String PG_QUERY_CANCELED = "57014";
    private static final String H2_READER = "sweeper_query";
    /** VOLATILE only because each call returns another value; they change nothing. */
    private static final Set<String> HARMLESS_VOLATILE = Set.of(
            "random", "random_normal", "clock_timestamp", "timeofday", "gen_random_uuid");

    private final Database db;

    ReadOnlyQuery(Database db) {
        this.db = db;
    }

    QueryResult run(String sql, int maxRows, Duration timeout) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be >= 1, got " + maxRows);
        }
        int timeoutSeconds = (int) Math.min(Math.max(timeout.toSeconds(), 1), Integer.MAX_VALUE);
        SingleQuery query = SingleQuery.parse(sql);
        try (Connection connection = connect()) {
            connection.setAutoCommit(false); // one transaction: read-only on PostgreSQL, with its timeout
            try {
                if (db.kind == DatabaseKind.POSTGRESQL) {
                    refuseFunctionsWithSideEffects(connection, query);
                    try (Statement limit = connection.createStatement()) {
                        limit.execute("SET LOCAL statement_timeout = " + timeout.toMillis());
                    }
                }
                try (Statement statement = connection.createStatement()) {
                    statement.setQueryTimeout(timeoutSeconds);
                    // one more, to tell that there were more; no more than JDBC can count
                    statement.setMaxRows(maxRows == Integer.MAX_VALUE ? maxRows : maxRows + 1);
                    try (ResultSet rs = statement.executeQuery(query.sql)) {
                        return read(rs, maxRows);
                    }
                }
            } finally {
                connection.rollback(); // nothing to keep
            }
        } catch (SQLException e) {
            throw refusedOrFailed(e, timeoutSeconds);
        }
    }

    /** See {@link Store#queryLoginMayWrite}. */
    boolean loginMayWrite() {
        if (db.kind == DatabaseKind.H2) {
            return false;
        }
        String sql = "SELECT r.rolsuper OR EXISTS (SELECT 1 FROM pg_class c"
                + " WHERE c.relkind IN ('r', 'p') AND has_table_privilege(c.oid, 'INSERT, UPDATE, DELETE, TRUNCATE')"
                + " AND c.relnamespace IN (SELECT n.oid FROM pg_namespace n WHERE n.nspname = ANY (current_schemas(false))))"
                + " FROM pg_roles r WHERE r.rolname = current_user";
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            return rs.next() && rs.getBoolean(1);
        } catch (SQLException e) {
            throw new SweeperException("cannot read the rights of the login at " + db.maskedUrl + ": "
                    + firstLine(e), e);
        }
    }

    private void refuseFunctionsWithSideEffects(Connection connection, SingleQuery query) throws SQLException {
        Set<String> asked = new TreeSet<>(query.functions);
        asked.removeAll(HARMLESS_VOLATILE);
        if (asked.isEmpty()) {
            return;
        }
        try (PreparedStatement volatileOnes = connection.prepareStatement(
                "SELECT DISTINCT proname FROM pg_proc WHERE proname = ANY (?) AND provolatile = 'v' ORDER BY proname")) {
            volatileOnes.setArray(1, connection.createArrayOf("text", asked.toArray()));
            List<String> refused = new ArrayList<>();
            try (ResultSet rs = volatileOnes.executeQuery()) {
                while (rs.next()) {
                    refused.add(rs.getString(1));
                }
            }
            if (!refused.isEmpty()) {
                throw new SweeperException("refused " + String.join(", ", refused) + ": PostgreSQL marks "
                        + (refused.size() == 1 ? "it" : "them") + " VOLATILE (may have side effects), "
                        + "and `sweeper query` is read-only");
            }
        }
    }

    private Connection connect() throws SQLException {
        if (db.kind == DatabaseKind.H2) {
            return DriverManager.getConnection(JdbcUrls.h2UrlForAnotherUser(db.url), H2_READER, h2ReaderPassword());
        }
        return Database.readOnlyConnection(db.kind, db.url);
    }

    /** The reader's password, random per store, in a table only the store's owner may read. */
    private String h2ReaderPassword() {
        String noReader = "the store at " + db.maskedUrl + " has no query reader yet: "
                + "a command that writes to it (`sweeper run`, `resume`, `agent` or `sync`) sets one up";
        try {
            return db.dsl.connectionResult(connection -> {
                try (Statement statement = connection.createStatement();
                        ResultSet rs = statement.executeQuery("SELECT password FROM sweeper_private.query_reader")) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }).orElseThrow(() -> new SweeperException(noReader));
        } catch (DataAccessException e) {
            throw new SweeperException(noReader, e);
        }
    }

    private static QueryResult read(ResultSet rs, int maxRows) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        List<String> columns = new ArrayList<>(meta.getColumnCount());
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(meta.getColumnLabel(i));
        }
        List<List<Optional<Object>>> rows = new ArrayList<>();
        boolean truncated = false;
        while (rs.next()) {
            if (rows.size() == maxRows) {
                truncated = true;
                break;
            }
            List<Optional<Object>> row = new ArrayList<>(columns.size());
            for (int i = 1; i <= columns.size(); i++) {
                row.add(Optional.ofNullable(cell(rs, meta, i)));
            }
            rows.add(row);
        }
        return new QueryResult(columns, rows, truncated);
    }

    /** Timestamps as java.time values whatever the driver prefers, so H2 and PostgreSQL agree. */
    private static Object cell(ResultSet rs, ResultSetMetaData meta, int column) throws SQLException {
        int type = meta.getColumnType(column);
        String typeName = meta.getColumnTypeName(column).toLowerCase(Locale.ROOT);
        if (type == Types.TIMESTAMP_WITH_TIMEZONE || typeName.equals("timestamptz")) {
            OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
            return value == null ? null : value.toInstant();
        }
        if (type == Types.TIMESTAMP) {
            Timestamp value = rs.getTimestamp(column);
            return value == null ? null : value.toLocalDateTime();
        }
        return rs.getObject(column);
    }

    private SweeperException refusedOrFailed(SQLException e, int timeoutSeconds) {
        String reason = firstLine(e);
        boolean refusedWrite = e.getErrorCode() == H2_NOT_ENOUGH_RIGHTS
                || e.getErrorCode() == H2_ADMIN_RIGHTS_REQUIRED
                || e.getErrorCode() == H2_DATABASE_IS_READ_ONLY
                || PG_READ_ONLY_TRANSACTION.equals(e.getSQLState());
        if (refusedWrite) {
            return new SweeperException(db.maskedUrl + " refused to change anything (" + reason
                    + "): `sweeper query` is read-only, use SELECT", e);
        }
        if (e.getErrorCode() == H2_STATEMENT_CANCELED || PG_QUERY_CANCELED.equals(e.getSQLState())) {
            return new SweeperException("query stopped after its time limit of " + timeoutSeconds
                    + " s on " + db.maskedUrl + ": narrow it, or give more time with --timeout SECONDS", e);
        }
        return new SweeperException("query failed on " + db.maskedUrl + ": " + reason, e);
    }

    private static String firstLine(SQLException e) {
        return Optional.ofNullable(e.getMessage()).orElse(e.toString()).lines().findFirst().orElse("")
                .replaceFirst("\\s*\\[\\d{5}-\\d+]$", "")
                .replaceFirst("; SQL statement:$", "");
    }
}
