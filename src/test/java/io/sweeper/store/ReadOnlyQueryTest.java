package io.sweeper.store;

import io.sweeper.sweep.Goal;
import io.sweeper.sweep.TrialState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sweeper.SweeperException;
import java.sql.SQLException;
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
    void theDatabaseItselfRefusesWritesAndSchemaChanges(TestDatabase db) {
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
                "TRUNCATE TABLE event");
        for (String write : writes) {
            assertThatThrownBy(() -> store.query(write, 10))
                    .as(write)
                    .isInstanceOf(SweeperException.class)
                    .hasMessageContaining("refused to change anything")
                    .hasMessageContaining("`sweeper query` is read-only")
                    .hasMessageNotContaining("\n")
                    // the refusal comes from the database (its error), not from looking at the text
                    .hasCauseInstanceOf(SQLException.class);
        }
        assertThat(Fixtures.states(store, sweepId)).containsOnly(TrialState.QUEUED).hasSize(2);
        assertThat(store.query("SELECT COUNT(*) FROM metric", 1).rows()).hasSize(1);
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
