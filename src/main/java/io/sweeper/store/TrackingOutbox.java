package io.sweeper.store;

import static io.sweeper.store.jooq.Tables.MLFLOW_OUTBOX;
import static io.sweeper.store.jooq.Tables.MLFLOW_RUN;
import static io.sweeper.store.jooq.Tables.MLFLOW_SWEEP;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * The store's side of mirroring into MLflow (package tracking delivers): which sweeps are
 * mirrored, their undelivered writes in order, what was delivered, and which MLflow run belongs
 * to which sweep or trial. Get it from {@link Store#trackingOutbox()}.
 */
public final class TrackingOutbox {
    /** Error text kept per row: enough for a message, not a whole HTML error page. */
    private static final int MAX_ERROR = 2000;

    private final Database db;

    TrackingOutbox(Database db) {
        this.db = db;
    }

    /** The sweep's mirroring, if it was created with a tracking server. */
    public Optional<MirroredSweep> mirroring(long sweepId) {
        return db.dsl.selectFrom(MLFLOW_SWEEP).where(MLFLOW_SWEEP.SWEEP_ID.eq(sweepId)).fetchOptional()
                .map(r -> new MirroredSweep(r.getSweepId(), r.getTrackingUri(), r.getRunKeyPrefix()));
    }

    /** Sweeps with undelivered writes, oldest sweep first. */
    public List<Long> sweepsWithPending() {
        return db.dsl.selectDistinct(MLFLOW_OUTBOX.SWEEP_ID).from(MLFLOW_OUTBOX)
                .where(MLFLOW_OUTBOX.DELIVERED_AT.isNull())
                .orderBy(MLFLOW_OUTBOX.SWEEP_ID)
                .fetch(MLFLOW_OUTBOX.SWEEP_ID);
    }

    /** The sweep's first {@code limit} undelivered writes, in the order they were made. */
    public List<OutboxEntry> pending(long sweepId, int limit) {
        return db.dsl.selectFrom(MLFLOW_OUTBOX)
                .where(MLFLOW_OUTBOX.SWEEP_ID.eq(sweepId).and(MLFLOW_OUTBOX.DELIVERED_AT.isNull()))
                .orderBy(MLFLOW_OUTBOX.ID)
                .limit(limit)
                .fetch(r -> new OutboxEntry(r.getId(), r.getSweepId(), Optional.ofNullable(r.getTrialId()),
                        OutboxKind.fromWord(r.getKind()), r.getPayloadJson(), r.getAttempts()));
    }

    /** How many writes of the sweep wait for delivery. */
    public int pendingCount(long sweepId) {
        return db.dsl.fetchCount(MLFLOW_OUTBOX,
                MLFLOW_OUTBOX.SWEEP_ID.eq(sweepId).and(MLFLOW_OUTBOX.DELIVERED_AT.isNull()));
    }

    /** Marks writes delivered. */
    public void delivered(List<Long> ids) {
        if (!ids.isEmpty()) {
            db.dsl.update(MLFLOW_OUTBOX)
                    .set(MLFLOW_OUTBOX.DELIVERED_AT, StoreTime.now())
                    .set(MLFLOW_OUTBOX.ATTEMPTS, MLFLOW_OUTBOX.ATTEMPTS.plus(1))
                    .where(MLFLOW_OUTBOX.ID.in(ids))
                    .execute();
        }
    }

    /**
     * Marks a write the server refused for good (e.g. a value MLflow does not accept) as done,
     * keeping the reason, so it does not hold back every later write.
     */
    public void refused(long id, String reason) {
        db.dsl.update(MLFLOW_OUTBOX)
                .set(MLFLOW_OUTBOX.DELIVERED_AT, StoreTime.now())
                .set(MLFLOW_OUTBOX.ATTEMPTS, MLFLOW_OUTBOX.ATTEMPTS.plus(1))
                .set(MLFLOW_OUTBOX.LAST_ERROR, clip(reason))
                .where(MLFLOW_OUTBOX.ID.eq(id))
                .execute();
    }

    /** Counts a failed attempt at a write that will be retried. */
    public void failed(long id, String reason) {
        db.dsl.update(MLFLOW_OUTBOX)
                .set(MLFLOW_OUTBOX.ATTEMPTS, MLFLOW_OUTBOX.ATTEMPTS.plus(1))
                .set(MLFLOW_OUTBOX.LAST_ERROR, clip(reason))
                .where(MLFLOW_OUTBOX.ID.eq(id))
                .execute();
    }

    /** The MLflow run recorded under {@code runKey}. */
    public Optional<TrackedRun> run(String runKey) {
        return db.dsl.selectFrom(MLFLOW_RUN).where(MLFLOW_RUN.RUN_KEY.eq(runKey)).fetchOptional()
                .map(r -> new TrackedRun(r.getRunKey(), r.getExperimentId(), r.getRunId()));
    }

    /** Records the run created for the sweep ({@code trialId} empty) or a trial. */
    public void saveRun(long sweepId, Optional<Long> trialId, TrackedRun run) {
        db.dsl.insertInto(MLFLOW_RUN)
                .set(MLFLOW_RUN.RUN_KEY, run.runKey())
                .set(MLFLOW_RUN.SWEEP_ID, sweepId)
                .set(MLFLOW_RUN.TRIAL_ID, trialId.orElse(null))
                .set(MLFLOW_RUN.EXPERIMENT_ID, run.experimentId())
                .set(MLFLOW_RUN.RUN_ID, run.runId())
                .set(MLFLOW_RUN.CREATED_AT, StoreTime.now())
                .onConflict(MLFLOW_RUN.RUN_KEY)
                .doNothing()
                .execute();
    }

    /**
     * Hands files over for upload to the sweep's parent run ({@code trialId} empty) or a trial's
     * run, under {@code artifactDir} (e.g. {@code plots}); files are read when delivered. Does
     * nothing for a sweep that is not mirrored. This is how plots (learning curves, confusion
     * matrices) reach MLflow.
     */
    public void attachFiles(long sweepId, Optional<Long> trialId, List<Path> files, String artifactDir) {
        Objects.requireNonNull(artifactDir, "artifactDir");
        List<String> paths = files.stream().map(p -> p.toAbsolutePath().normalize().toString()).toList();
        db.dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            Outbox.appendIfMirrored(tx, sweepId, trialId.orElse(null), OutboxKind.FILES, StoreTime.now(),
                    Map.of("files", paths, "artifact_dir", artifactDir));
        });
    }

    private static String clip(String text) {
        return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR);
    }
}
