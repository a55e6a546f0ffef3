package io.sweeper.store;

import io.sweeper.SweeperException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * Runs a user's SQL ({@code sweeper query}) on a connection the database itself keeps from
 * writing, so nothing depends on recognising statements by their text:
 * <ul>
 * <li>H2 ignores {@link Connection#setReadOnly}; the query runs as the {@code sweeper_query} user
 *     (created by {@code db/h2/R__query_reader.sql}), which has SELECT rights only, so H2 refuses
 *     INSERT, UPDATE, DELETE, DDL and admin commands (file access, SHUTDOWN) itself.</li>
 * <li>PostgreSQL runs it in a read-only session ({@code readOnlyMode=always}), which refuses every
 *     write and DDL. It is the user's own login, so a deliberate {@code SET} can lift that; for a
 *     hard guarantee, point {@code --db} at a role with SELECT rights only.</li>
 * </ul>
 * The user's SQL is the only SQL text in the store not built with jOOQ: it is the input.
 */
final class ReadOnlyQuery {
    // H2's error codes (org.h2.api.ErrorCode) and PostgreSQL's SQLSTATE for refused writes
    private static final int H2_NOT_ENOUGH_RIGHTS = 90096;
    private static final int H2_ADMIN_RIGHTS_REQUIRED = 90040;
    private static final String PG_READ_ONLY_TRANSACTION = "25006";
    private static final String H2_READER = "sweeper_query";

    private final Database db;

    ReadOnlyQuery(Database db) {
        this.db = db;
    }

    QueryResult run(String sql, int maxRows) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be >= 1, got " + maxRows);
        }
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.setMaxRows(maxRows + 1); // one more, to tell that there were more
            if (!statement.execute(sql)) {
                return new QueryResult(List.of(), List.of(), false);
            }
            try (ResultSet rs = statement.getResultSet()) {
                return read(rs, maxRows);
            }
        } catch (SQLException e) {
            throw refusedOrFailed(e);
        }
    }

    private Connection connect() throws SQLException {
        if (db.kind == DatabaseKind.H2) {
            return DriverManager.getConnection(JdbcUrls.h2UrlForAnotherUser(db.url), H2_READER, H2_READER);
        }
        Properties session = new Properties();
        session.setProperty("readOnlyMode", "always");
        Connection connection = DriverManager.getConnection(db.url, session);
        connection.setReadOnly(true);
        return connection;
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

    private SweeperException refusedOrFailed(SQLException e) {
        String reason = Optional.ofNullable(e.getMessage()).orElse(e.toString()).lines().findFirst().orElse("")
                .replaceFirst("\\s*\\[\\d{5}-\\d+]$", "")
                .replaceFirst("; SQL statement:$", "");
        boolean refusedWrite = e.getErrorCode() == H2_NOT_ENOUGH_RIGHTS
                || e.getErrorCode() == H2_ADMIN_RIGHTS_REQUIRED
                || PG_READ_ONLY_TRANSACTION.equals(e.getSQLState());
        if (refusedWrite) {
            return new SweeperException(db.maskedUrl + " refused to change anything (" + reason
                    + "): `sweeper query` is read-only, use SELECT", e);
        }
        return new SweeperException("query failed on " + db.maskedUrl + ": " + reason, e);
    }
}
