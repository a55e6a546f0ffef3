package io.sweeper.store;

import io.sweeper.sweep.Goal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sweeper.SweeperException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.io.TempDir;

class SchemaMigrationTest {
    @OnEachDatabase
    void openingAnEmptyDatabaseCreatesTheWholeSchema(TestDatabase db) {
        Store store = db.open();
        for (String table : List.of("sweep", "trial", "metric", "checkpoint", "event", "mlflow_outbox",
                "mlflow_sweep", "mlflow_run")) {
            assertThat(store.query("SELECT COUNT(*) FROM " + table, 1).rows()).as(table).hasSize(1);
        }
        QueryResult versions = store.query(
                "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"",
                10);
        // later migrations (V3 …) may follow; V1 and V2 come first, in order
        assertThat(versions.rows()).startsWith(List.of(Optional.of("1")), List.of(Optional.of("2")));
    }

    @OnEachDatabase
    void aReadOnlyOpenOfAnEmptyDatabaseCreatesNothing(TestDatabase db) throws Exception {
        assertThatThrownBy(() -> Store.openReadOnly(db.url()))
                .isInstanceOf(SweeperException.class)
                .hasMessageStartingWith("no store at ")
                .hasMessageContaining("`sweeper run` creates one");
        if (db instanceof TestDatabase.H2File h2) {
            try (var files = Files.list(h2.folder)) {
                assertThat(files).isEmpty();
            }
        } else {
            try (Connection connection = DriverManager.getConnection(db.url());
                    var tables = connection.getMetaData().getTables(null, connection.getSchema(), "%", null)) {
                assertThat(tables.next()).as("a table in the schema").isFalse();
            }
        }
        db.open().close(); // a writer creates it; then readers are welcome
        try (Store reader = Store.openReadOnly(db.url())) {
            assertThat(reader.listSweeps()).isEmpty();
        }
    }

    @OnEachDatabase
    void reopeningKeepsTheDataAndMigratesNothingTwice(TestDatabase db) {
        long sweepId;
        try (Store store = Store.open(db.url())) {
            sweepId = Fixtures.sweepWithTrials(store, Goal.MINIMIZE, 2);
        }
        Store reopened = db.open();
        assertThat(reopened.findSweep(Long.toString(sweepId)).goal()).isEqualTo(Goal.MINIMIZE);
        assertThat(reopened.trials(sweepId)).hasSize(2);
    }

    @OnEachDatabase
    void aSchemaMigratedByANewerSweeperIsRefused(TestDatabase db, @TempDir Path future) throws Exception {
        db.open().close();
        Files.writeString(future.resolve("V999__from_a_newer_sweeper.sql"), "CREATE TABLE later_feature (id INTEGER);\n");
        Flyway.configure()
                .loggers("slf4j")
                .dataSource(db.url(), null, null)
                .locations("classpath:db/migration", "filesystem:" + future)
                .validateOnMigrate(false)
                .load()
                .migrate();

        assertThatThrownBy(db::open)
                .isInstanceOf(SweeperException.class)
                .hasMessageStartingWith("database schema version 999 is newer than this sweeper (")
                .hasMessageEndingWith(") in " + JdbcUrls.mask(db.url()) + ": upgrade sweeper");
    }

    @OnEachDatabase
    void aSchemaFromAnotherBuildOfTheSameVersionIsRefused(TestDatabase db) throws Exception {
        db.open().close();
        try (Connection connection = DriverManager.getConnection(db.url());
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE \"flyway_schema_history\" SET \"checksum\" = 12345 WHERE \"version\" = '1'");
        }
        assertThatThrownBy(db::open)
                .isInstanceOf(SweeperException.class)
                .hasMessage("database schema in " + JdbcUrls.mask(db.url()) + " does not match this sweeper's "
                        + "(Migration checksum mismatch for migration version 1): it was made by another build of "
                        + "sweeper; use that one, or --db with a new database");
    }
}
