package io.sweeper.store;

import io.sweeper.sweep.Goal;
import static io.sweeper.store.jooq.Tables.CHECKPOINT;
import static io.sweeper.store.jooq.Tables.METRIC;
import static io.sweeper.store.jooq.Tables.SWEEP;
import static io.sweeper.store.jooq.Tables.TRIAL;

import io.sweeper.store.jooq.tables.records.TrialRecord;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.Record2;
import org.jooq.impl.DSL;
/**
 * What a running trial reports: epoch metrics and checkpoints, written under its lease. Writing
 * an epoch again (a retry after a lost reply) overwrites it, so retries are harmless. Each write
 * also refreshes the trial's best value and last epoch, which is what keeps leaderboards off the
 * metric table.
 */
final class EpochRecorder {
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private final Database db;

    EpochRecorder(Database db) {
        this.db = db;
    }

    void record(TrialLease lease, List<EpochMetrics> epochs) {
        if (epochs.isEmpty()) {
            return;
        }
        db.dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            TrialRecord trial = TrialLifecycle.lockLeased(tx, lease);
            Instant now = StoreTime.now();
            BatchBindStep upserts = tx.batch(upsertTemplate(tx));
            for (EpochMetrics epoch : epochs) {
                for (Map.Entry<String, Double> metric : epoch.values().entrySet()) {
                    upserts = upserts.bind(trial.getId(), epoch.epoch(), metric.getKey(), metric.getValue(), now);
                }
            }
            if (upserts.size() > 0) {
                upserts.execute();
            }
            int lastEpoch = epochs.stream().mapToInt(EpochMetrics::epoch).max().orElseThrow();
            if (trial.getLastEpoch() == null || trial.getLastEpoch() < lastEpoch) {
                trial.setLastEpoch(lastEpoch);
            }
            Double bestBefore = trial.getBestValue();
            Goal goal = refreshBest(tx, trial);
            trial.update();
            if (Outbox.mirrors(tx, trial.getSweepId())) {
                appendToOutbox(tx, trial, epochs, goal, bestBefore, now);
            }
        });
    }

    /**
     * The epochs for the trial's run and, when this trial's best just became the best of the
     * sweep (strictly better than every other trial's), the parent run's best-so-far.
     */
    private static void appendToOutbox(DSLContext tx, TrialRecord trial, List<EpochMetrics> epochs, Goal goal,
            Double bestBefore, Instant now) {
        List<Map<String, Object>> rows = epochs.stream()
                .map(e -> Map.<String, Object>of("epoch", e.epoch(), "metrics", e.values()))
                .toList();
        Outbox.append(tx, trial.getSweepId(), trial.getId(), OutboxKind.EPOCH, now, Map.of("epochs", rows));
        Double best = trial.getBestValue();
        if (best == null || best.equals(bestBefore)) {
            return;
        }
        boolean beaten = tx.fetchExists(TRIAL, TRIAL.SWEEP_ID.eq(trial.getSweepId())
                .and(TRIAL.ID.ne(trial.getId()))
                .and(goal == Goal.MAXIMIZE ? TRIAL.BEST_VALUE.ge(best) : TRIAL.BEST_VALUE.le(best)));
        if (!beaten) {
            Outbox.append(tx, trial.getSweepId(), trial.getId(), OutboxKind.SWEEP_BEST, now, Map.of(
                    "number", trial.getNumber(), "value", best, "epoch", trial.getBestEpoch()));
        }
    }

    /**
     * One metric row, inserted or overwritten; executed as a JDBC batch, one bind set per row.
     * (A single multi-row upsert would be shorter, but on H2 jOOQ emulates it with nested
     * UNION ALLs that H2's parser recurses into, one level per row.)
     */
    private static Query upsertTemplate(DSLContext tx) {
        return tx.insertInto(METRIC, METRIC.TRIAL_ID, METRIC.EPOCH, METRIC.NAME, METRIC.VALUE, METRIC.AT)
                .values((Long) null, (Integer) null, (String) null, (Double) null, (Instant) null)
                .onConflict(METRIC.TRIAL_ID, METRIC.EPOCH, METRIC.NAME)
                .doUpdate()
                .set(METRIC.VALUE, DSL.excluded(METRIC.VALUE))
                .set(METRIC.AT, DSL.excluded(METRIC.AT));
    }

    /**
     * Best of the sweep's metric over every epoch now recorded, computed from the metric rows
     * rather than updated incrementally, so an overwritten epoch cannot leave a stale best. The
     * earliest epoch wins a tie; NaN never wins.
     */
    private static Goal refreshBest(DSLContext tx, TrialRecord trial) {
        Record2<String, String> metric = tx.select(SWEEP.METRIC_NAME, SWEEP.METRIC_GOAL)
                .from(SWEEP)
                .where(SWEEP.ID.eq(trial.getSweepId()))
                .fetchSingle();
        Goal goal = Goal.fromWord(metric.value2());
        Integer bestEpoch = null;
        double best = Double.NaN;
        for (Record2<Integer, Double> row : tx.select(METRIC.EPOCH, METRIC.VALUE)
                .from(METRIC)
                .where(METRIC.TRIAL_ID.eq(trial.getId()).and(METRIC.NAME.eq(metric.value1())))
                .orderBy(METRIC.EPOCH)
                .fetch()) {
            if (goal.isBetter(row.value2(), best)) {
                best = row.value2();
                bestEpoch = row.value1();
            }
        }
        trial.setBestValue(bestEpoch == null ? null : best);
        trial.setBestEpoch(bestEpoch);
        return goal;
    }

    /**
     * Forgets the epochs after {@code epoch} (metric and checkpoint rows) and recomputes the
     * trial's best value and last epoch from what stays, in one transaction.
     */
    void rewind(TrialLease lease, int epoch) {
        db.dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            TrialRecord trial = TrialLifecycle.lockLeased(tx, lease);
            tx.deleteFrom(METRIC).where(METRIC.TRIAL_ID.eq(trial.getId()).and(METRIC.EPOCH.gt(epoch))).execute();
            tx.deleteFrom(CHECKPOINT).where(CHECKPOINT.TRIAL_ID.eq(trial.getId()).and(CHECKPOINT.EPOCH.gt(epoch))).execute();
            trial.setLastEpoch(tx.select(DSL.max(METRIC.EPOCH)).from(METRIC).where(METRIC.TRIAL_ID.eq(trial.getId()))
                    .fetchOne(0, Integer.class));
            refreshBest(tx, trial);
            trial.update();
        });
    }

    void checkpoint(TrialLease lease, int epoch, Path path, String sha256, long bytes) {
        Objects.requireNonNull(path, "path");
        if (!SHA256_HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits, got '" + sha256 + "'");
        }
        if (epoch < 0 || bytes < 0) {
            throw new IllegalArgumentException("epoch and bytes must be >= 0, got " + epoch + " and " + bytes);
        }
        db.dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            TrialRecord trial = TrialLifecycle.lockLeased(tx, lease);
            tx.insertInto(CHECKPOINT)
                    .set(CHECKPOINT.TRIAL_ID, trial.getId())
                    .set(CHECKPOINT.EPOCH, epoch)
                    .set(CHECKPOINT.PATH, path.toAbsolutePath().normalize().toString())
                    .set(CHECKPOINT.SHA256, sha256)
                    .set(CHECKPOINT.BYTES, bytes)
                    .set(CHECKPOINT.CREATED_AT, StoreTime.now())
                    .onConflict(CHECKPOINT.TRIAL_ID, CHECKPOINT.EPOCH)
                    .doUpdate()
                    .set(CHECKPOINT.PATH, DSL.excluded(CHECKPOINT.PATH))
                    .set(CHECKPOINT.SHA256, DSL.excluded(CHECKPOINT.SHA256))
                    .set(CHECKPOINT.BYTES, DSL.excluded(CHECKPOINT.BYTES))
                    .set(CHECKPOINT.CREATED_AT, DSL.excluded(CHECKPOINT.CREATED_AT))
                    .execute();
            Outbox.appendIfMirrored(tx, trial.getSweepId(), trial.getId(), OutboxKind.CHECKPOINT, StoreTime.now(),
                    Map.of("epoch", epoch, "path", path.toAbsolutePath().normalize().toString()));
        });
    }
}
