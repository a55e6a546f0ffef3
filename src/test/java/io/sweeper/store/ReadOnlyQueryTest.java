package io.sweeper.store;

import io.sweeper.sweep.Goal;
import io.sweeper.sweep.TrialState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sweeper.SweeperException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

class ReadOnlyQueryTest {
    @OnEachDatabase
    void selectsReturnColumnsAndRowsWithNullsAsEmptyCells(TestDatabase db) {
        Store store = db.open();
        long sweepId = Fixtures.sweepWithTrials(store, Goal.MAXIMIZE, 3);
        QueryResult result = store.query(
                "SELECT number, worker, created_at FROM trial WHERE sweep_id = " + sweepId + " ORDER BY number", 10);

        assertThat(result.columns()).extracting(c -> c.toLowerCase()).containsExactly("number", "worker", "created_at");
        assertThat(result.rows()).hasSize(3);
        assertThat(result.rows().get(0).get(0)).contains(1);
        assertThat(result.rows().get(0).get(1)).isEmpty();
        assertThat(result.rows().get(0).get(2)).hasValueSatisfying(at -> assertThat(at).isInstanceOf(Instant.class));
        assertThat(result.truncated()).isFalse();
    }

    @OnEachDatabase
    void theMetricValueColumnCanBeQueriedByItsPlainName(TestDatabase db) {
        Store store = db.open();
        long sweepId = Fixtures.sweepWithTrials(store, Goal.MAXIMIZE, 1);
        ClaimedTrial trial = Fixtures.claim(store, sweepId, "w1");
        store.recordEpoch(trial.lease(), 0, Fixtures.accuracy(0.75));
        QueryResult result = store.query("SELECT value FROM metric WHERE name = 'val_accuracy'", 10);
        assertThat(result.rows()).containsExactly(List.of(Optional.of(0.75)));
    }

    @OnEachDatabase
    void moreRowsThanAskedForAreCutAndSaidSo(TestDatabase db) {
        Store store = db.open();
        Fixtures.sweepWithTrials(store, Goal.MAXIMIZE, 5);
        QueryResult result = store.query("SELECT id FROM trial", 2);
        assertThat(result.rows()).hasSize(2);
        assertThat(result.truncated()).isTrue();
    }

    @OnEachDatabase
    void writesAndSchemaChangesAreRefused(TestDatabase db) {
        Store store = db.open();
        long sweepId = Fixtures.sweepWithTrials(store, Goal.MAXIMIZE, 2);
        List<String> writes = List.of(
                "INSERT INTO trial (sweep_id, number, params_json, state, created_at) "
                        + "VALUES (" + sweepId + ", 9, '{}', 'queued', CURRENT_TIMESTAMP)",
                "UPDATE trial SET state = 'failed'",
                "DELETE FROM trial",
                "DROP TABLE metric",
                "CREATE TABLE notes (id INTEGER)",
                "ALTER TABLE trial ADD COLUMN note VARCHAR(10)",
                "TRUNCATE TABLE event",
                "SELECT * INTO trial_copy FROM trial",
                "WITH d AS (DELETE FROM trial RETURNING *) SELECT * FROM d");
        for (String write : writes) {
            assertThatThrownBy(() -> store.query(write, 10))
                    .as(write)
                    .isInstanceOf(SweeperException.class)
                    .hasMessageContaining("`sweeper query` is read-only")
                    .hasMessageNotContaining("\n");
        }
        assertThat(Fixtures.states(store, sweepId)).containsOnly(TrialState.QUEUED).hasSize(2);
        assertThat(store.query("SELECT COUNT(*) FROM metric", 1).rows()).hasSize(1);
    }

    @OnEachDatabase
    void exactlyOneStatementRuns(TestDatabase db) {
        Store store = db.open();
        assertThatThrownBy(() -> store.query("SELECT 1; SELECT 2", 10))
                .isInstanceOf(SweeperException.class)
                .hasMessageStartingWith("the SQL holds 2 statements: ");
        assertThat(store.query("SELECT 1;", 10).rows()).hasSize(1); // a closing semicolon is fine
    }

    @OnEachDatabase
    void theLargestMaxRowsReturnsEveryRow(TestDatabase db) {
        Store store = db.open();
        Fixtures.sweepWithTrials(store, Goal.MAXIMIZE, 3);
        QueryResult result = store.query("SELECT id FROM trial", Integer.MAX_VALUE);
        assertThat(result.rows()).hasSize(3);
        assertThat(result.truncated()).isFalse();
    }

    @OnEachDatabase
    void aSlowQueryStopsAtItsTimeLimitAndFreesTheStore(TestDatabase db) {
        Store store = db.open();
        // 3000³ = 2.7e10 rows to count: hours on either database, in constant memory
        String slow = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) "
                + "SELECT COUNT(*) FROM n a, n b, n c";
        long started = System.nanoTime();
        assertThatThrownBy(() -> store.query(slow, 10, Duration.ofSeconds(1)))
                .isInstanceOf(SweeperException.class)
                .hasMessageStartingWith("query stopped after its time limit of 1 s on " + store.url());
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        assertThat(store.listSweeps()).isEmpty(); // the store works on
        assertThat(store.query("SELECT 1", 1).rows()).hasSize(1);
    }

    @OnEachDatabase
    void badSqlIsReportedWithTheDatabasesMessageOnOneLine(TestDatabase db) {
        Store store = db.open();
        assertThatThrownBy(() -> store.query("SELECT nope FROM trial", 10))
                .isInstanceOf(SweeperException.class)
                .hasMessageStartingWith("query failed on " + store.url() + ": ")
                .hasMessageNotContaining("\n")
                .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("nope"));
        assertThatThrownBy(() -> store.query("SELEKT 1", 10))
                .isInstanceOf(SweeperException.class)
                .hasMessageNotContaining("\n");
    }
}
