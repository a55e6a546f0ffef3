package io.sweeper.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sweeper.SweeperException;
import io.sweeper.sweep.Goal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code sweeper query} on the real PostgreSQL with a superuser login (the test server's), the
 * worst case: every way a superuser's SQL could write or act on the server is refused, and the
 * rows stay. Skipped without {@code SWEEPER_TEST_PG_URL}.
 */
class PostgresQueryTest {
    private final TestDatabase db = TestDatabase.postgres();
    private Store store;
    private long events;

    @BeforeEach
    void fill() {
        Store writer = db.open();
        Fixtures.sweepWithTrials(writer, Goal.MAXIMIZE, 3);
        store = Store.openReadOnly(db.url());
        events = eventCount();
    }

    @AfterEach
    void drop() {
        store.close();
        db.close();
    }

    private long eventCount() {
        return ((Number) store.query("SELECT COUNT(*) FROM event", 1).rows().get(0).get(0).orElseThrow()).longValue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SET TRANSACTION READ WRITE; DELETE FROM event",
        "SET TRANSACTION READ WRITE",
        "SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE",
        "SET default_transaction_read_only = off",
        "RESET ALL",
        "DELETE FROM event",
        "TRUNCATE event",
        "SELECT 1; DELETE FROM event",
        "WITH d AS (DELETE FROM event RETURNING *) SELECT * FROM d",
        "SELECT * INTO event_copy FROM event",
        "SELECT set_config('default_transaction_read_only', 'off', false)",
        "SELECT pg_catalog.set_config('transaction_read_only', 'off', true)",
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity",
        "SELECT pg_cancel_backend(pg_backend_pid())",
        "SELECT pg_reload_conf()",
        "SELECT pg_read_file('/etc/hostname')",
        "SELECT lo_import('/etc/hostname')",
        "SELECT pg_advisory_lock(1)",
        "SELECT pg_sleep(60)",
        "SELECT nextval('event_id_seq')",
        "SELECT setval('event_id_seq', 1)",
        "SELECT * FROM pg_ls_dir('.')",
        "SELECT \"set_config\"('a.b', 'c', false)"})
    void whatCouldChangeSomethingIsRefusedAndTheRowsStay(String sql) {
        assertThatThrownBy(() -> store.query(sql, 10))
                .as(sql)
                .isInstanceOf(SweeperException.class)
                .hasMessageNotContaining("\n")
                .hasMessageContaining("`sweeper query` is read-only");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void copyToProgramRunsNothing() {
        Path marker = Path.of("/tmp", "sweeper-copy-" + UUID.randomUUID());
        assertThatThrownBy(() -> store.query("COPY (SELECT 1) TO PROGRAM 'touch " + marker + "'", 10))
                .isInstanceOf(SweeperException.class)
                .hasMessageContaining("`sweeper query` is read-only");
        assertThat(marker).doesNotExist();
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void functionsThatOnlyReadRun() {
        QueryResult result = store.query("SELECT count(*), max(number), round(avg(number), 1), now() IS NOT NULL,"
                + " random() < 2, coalesce(max(worker), 'none'), string_agg(state, ',') FROM trial", 10);
        assertThat(result.rows()).hasSize(1);
    }

    /** Even a statement that got past sweeper's checks meets a session PostgreSQL keeps read-only. */
    @Test
    void theSessionItselfRefusesWrites() throws SQLException {
        try (Connection connection = Database.readOnlyConnection(DatabaseKind.POSTGRESQL, db.url());
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            assertThatThrownBy(() -> statement.execute("DELETE FROM event"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("25006"));
            connection.rollback();
        }
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aSuperuserLoginIsSaidToBeAbleToWriteAndAReadOnlyRoleIsNot() throws SQLException {
        assertThat(store.queryLoginMayWrite()).isTrue();

        // the role README recommends, made the way README says
        String role = "sweeper_reader_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String schema = (String) store.query("SELECT current_schema()", 1).rows().get(0).get(0).orElseThrow();
        execute("CREATE ROLE " + role + " LOGIN PASSWORD 'reader'",
                "GRANT USAGE ON SCHEMA " + schema + " TO " + role,
                "GRANT SELECT ON ALL TABLES IN SCHEMA " + schema + " TO " + role);
        try (Store reader = Store.openReadOnly(db.url() + "&user=" + role + "&password=reader")) {
            assertThat(reader.queryLoginMayWrite()).isFalse();
            assertThat(reader.query("SELECT COUNT(*) FROM trial", 1).rows().get(0).get(0)).contains(3L);
        } finally {
            execute("DROP OWNED BY " + role, "DROP ROLE " + role);
        }
    }

    private void execute(String... sqls) throws SQLException {
        try (Connection connection = DriverManager.getConnection(db.url()); Statement statement = connection.createStatement()) {
            for (String sql : sqls) {
                statement.execute(sql);
            }
        }
    }
}
