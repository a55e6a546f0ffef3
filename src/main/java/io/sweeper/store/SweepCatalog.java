package io.sweeper.store;

import io.sweeper.sweep.Goal;
import static io.sweeper.store.jooq.Tables.MLFLOW_SWEEP;
import static io.sweeper.store.jooq.Tables.SWEEP;

import io.sweeper.SweeperException;
import io.sweeper.store.jooq.tables.records.SweepRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/** Sweeps: creating them, changing their state, finding them by id or name. */
final class SweepCatalog {
    private final Database db;

    SweepCatalog(Database db) {
        this.db = db;
    }

    long create(String name, String specYaml, String method, String metricName, Goal goal,
            Optional<TrackingTarget> tracking) {
        requireText(name, "name");
        requireText(method, "method");
        requireText(metricName, "metricName");
        Objects.requireNonNull(specYaml, "specYaml");
        Objects.requireNonNull(goal, "goal");
        Objects.requireNonNull(tracking, "tracking");
        return db.dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            Instant now = StoreTime.now();
            long id = tx.insertInto(SWEEP)
                    .set(SWEEP.NAME, name)
                    .set(SWEEP.SPEC_YAML, specYaml)
                    .set(SWEEP.METHOD, method)
                    .set(SWEEP.METRIC_NAME, metricName)
                    .set(SWEEP.METRIC_GOAL, goal.word())
                    .set(SWEEP.STATE, SweepState.RUNNING.word())
                    .set(SWEEP.CREATED_AT, now)
                    .returning(SWEEP.ID)
                    .fetchSingle()
                    .getId();
            EventLog.sweepEvent(tx, id, now, EventKind.SWEEP_CREATED,
                    "sweep '" + name + "' created: " + method + ", " + goal.word() + " " + metricName);
            if (tracking.isPresent()) {
                tx.insertInto(MLFLOW_SWEEP)
                        .set(MLFLOW_SWEEP.SWEEP_ID, id)
                        .set(MLFLOW_SWEEP.TRACKING_URI, tracking.get().trackingUri())
                        .set(MLFLOW_SWEEP.RUN_KEY_PREFIX, UUID.randomUUID().toString())
                        .execute();
                Outbox.append(tx, id, null, OutboxKind.SWEEP_CREATED, now, Map.of(
                        "name", name, "method", method, "metric", metricName, "goal", goal.word(),
                        "params", tracking.get().fixedParams(), "spec_yaml", specYaml));
            }
            return id;
        });
    }

    void setState(long sweepId, SweepState state) {
        Objects.requireNonNull(state, "state");
        db.dsl.transaction(cfg -> setState(cfg.dsl(), lock(cfg.dsl(), sweepId), state));
    }

    /** Changes the state of a sweep row {@code tx} has locked, with its event. */
    static void setState(DSLContext tx, SweepRecord sweep, SweepState state) {
        SweepState from = SweepState.fromWord(sweep.getState());
        if (from == state) {
            return;
        }
        Instant now = StoreTime.now();
        sweep.setState(state.word());
        sweep.setEndedAt(state.hasEnded() ? now : null);
        sweep.update();
        EventLog.sweepEvent(tx, sweep.getId(), now, EventKind.SWEEP_STATE, "sweep: " + from.word() + " -> " + state.word());
        Outbox.appendIfMirrored(tx, sweep.getId(), null, OutboxKind.SWEEP_STATE, now, Map.of("state", state.word()));
    }

    /** Newest first. */
    List<SweepRow> list() {
        return db.dsl.selectFrom(SWEEP).orderBy(SWEEP.ID.desc()).fetch(RowMapping::sweep);
    }

    /** By id when {@code idOrName} is a number, else the newest sweep of that name. */
    SweepRow find(String idOrName) {
        String key = idOrName.strip();
        SweepRecord found = key.matches("\\d{1,18}")
                ? db.dsl.selectFrom(SWEEP).where(SWEEP.ID.eq(Long.parseLong(key))).fetchOne()
                : db.dsl.selectFrom(SWEEP).where(SWEEP.NAME.eq(key)).orderBy(SWEEP.ID.desc()).limit(1).fetchOne();
        if (found == null) {
            throw noSweep("'" + key + "'");
        }
        return RowMapping.sweep(found);
    }

    SweepRow get(long sweepId) {
        return RowMapping.sweep(require(db.dsl, sweepId));
    }

    /** The sweep row, read in {@code ctx} (a transaction or not); unknown ids are a user's mistake. */
    SweepRecord require(DSLContext ctx, long sweepId) {
        SweepRecord sweep = ctx.selectFrom(SWEEP).where(SWEEP.ID.eq(sweepId)).fetchOne();
        if (sweep == null) {
            throw noSweep(Long.toString(sweepId));
        }
        return sweep;
    }

    /**
     * The sweep row, locked until {@code tx} ends: the one lock that serialises whoever decides
     * what the sweep does next (which trials to add, whether it has ended), in every process.
     */
    SweepRecord lock(DSLContext tx, long sweepId) {
        SweepRecord sweep = tx.selectFrom(SWEEP).where(SWEEP.ID.eq(sweepId)).forUpdate().fetchOne();
        if (sweep == null) {
            throw noSweep(Long.toString(sweepId));
        }
        return sweep;
    }

    private SweeperException noSweep(String key) {
        return new SweeperException("no sweep " + key + " in " + db.maskedUrl + ": `sweeper ls` lists them");
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }
}
