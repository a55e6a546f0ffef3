package io.sweeper.store;

import static io.sweeper.store.Fixtures.accuracy;
import static io.sweeper.store.Fixtures.claim;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sweeper.sweep.Goal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The MLflow outbox: a mirrored sweep's changes each append their write in the same transaction,
 * in order, with the payload the sender needs; a sweep that is not mirrored appends nothing.
 */
class TrackingOutboxTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TrackingTarget TARGET = new TrackingTarget("http://127.0.0.1:5055", Map.of("epochs", "10"));

    @OnEachDatabase
    void aSweepWithoutTrackingWritesNothingToTheOutbox(TestDatabase db) {
        Store store = db.open();
        long sweepId = Fixtures.sweepWithTrials(store, Goal.MAXIMIZE, 1);
        ClaimedTrial trial = claim(store, sweepId, "w1");
        store.recordEpoch(trial.lease(), 1, accuracy(0.5));
        store.finishTrial(trial.lease(), TrialOutcome.finished());

        assertThat(store.trackingOutbox().mirroring(sweepId)).isEmpty();
        assertThat(store.trackingOutbox().pendingCount(sweepId)).isZero();
        assertThat(store.trackingOutbox().sweepsWithPending()).isEmpty();
    }

    @OnEachDatabase
    void everyChangeOfAMirroredSweepAppendsItsWriteInOrder(TestDatabase db) throws Exception {
        Store store = db.open();
        long sweepId = mirroredSweep(store);
        store.addTrials(sweepId, List.of(Fixtures.trial(1), Fixtures.trial(2)));
        ClaimedTrial first = claim(store, sweepId, "w1");
        store.recordEpoch(first.lease(), 1, accuracy(0.5));
        store.recordEpoch(first.lease(), 2, accuracy(0.4)); // not better: no new sweep best
        store.recordCheckpoint(first.lease(), 1, Path.of("/tmp/ckpt"), "0".repeat(64), 10);
        store.finishTrial(first.lease(), TrialOutcome.finished());
        ClaimedTrial second = claim(store, sweepId, "w2");
        store.recordEpoch(second.lease(), 1, accuracy(0.3)); // worse than trial 1: no sweep best
        store.stopWorking(sweepId, "w", Fixtures.LEASE); // the last process stops: trial and sweep cancelled

        List<OutboxEntry> pending = store.trackingOutbox().pending(sweepId, 100);
        assertThat(pending).extracting(OutboxEntry::kind).containsExactly(
                OutboxKind.SWEEP_CREATED, OutboxKind.TRIAL_STARTED, OutboxKind.EPOCH, OutboxKind.SWEEP_BEST,
                OutboxKind.EPOCH, OutboxKind.CHECKPOINT, OutboxKind.TRIAL_ENDED,
                OutboxKind.TRIAL_STARTED, OutboxKind.EPOCH, OutboxKind.TRIAL_ENDED, OutboxKind.SWEEP_STATE);
        JsonNode created = JSON.readTree(pending.get(0).payloadJson());
        assertThat(created.get("params").get("epochs").asText()).isEqualTo("10");
        assertThat(created.get("spec_yaml").asText()).isEqualTo(Fixtures.SPEC);
        JsonNode epoch = JSON.readTree(pending.get(2).payloadJson());
        assertThat(epoch.get("epochs").get(0).get("epoch").asInt()).isEqualTo(1);
        assertThat(epoch.get("epochs").get(0).get("metrics").get("val_accuracy").asDouble()).isEqualTo(0.5);
        assertThat(epoch.get("at").asLong()).isPositive();
        assertThat(JSON.readTree(pending.get(3).payloadJson()).get("value").asDouble()).isEqualTo(0.5);
        assertThat(JSON.readTree(pending.get(6).payloadJson()).get("state").asText()).isEqualTo("finished");
        assertThat(JSON.readTree(pending.get(9).payloadJson()).get("state").asText()).isEqualTo("cancelled");
        assertThat(pending.get(1).trialId()).contains(first.trialId());
        assertThat(pending.get(0).trialId()).isEmpty();
    }

    @OnEachDatabase
    void aWriteThatFailsWithItsTransactionLeavesNoOutboxRow(TestDatabase db) {
        Store store = db.open();
        long sweepId = mirroredSweep(store);
        store.addTrial(sweepId, 1, "{}");
        ClaimedTrial trial = claim(store, sweepId, "w1");
        store.stopWorking(sweepId, "w", Fixtures.LEASE);
        int before = store.trackingOutbox().pendingCount(sweepId);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.recordEpoch(trial.lease(), 1, accuracy(0.9)))
                .isInstanceOf(TrialConflictException.class);

        assertThat(store.trackingOutbox().pendingCount(sweepId)).isEqualTo(before);
    }

    @OnEachDatabase
    void deliveredAndRefusedWritesAreNoLongerPendingFailedOnesStay(TestDatabase db) {
        Store store = db.open();
        long sweepId = mirroredSweep(store);
        store.addTrial(sweepId, 1, "{}");
        claim(store, sweepId, "w1");
        List<OutboxEntry> pending = store.trackingOutbox().pending(sweepId, 100);
        TrackingOutbox outbox = store.trackingOutbox();

        outbox.failed(pending.get(0).id(), "unreachable");
        assertThat(outbox.pending(sweepId, 100).get(0).attempts()).isEqualTo(1);
        outbox.delivered(List.of(pending.get(0).id()));
        outbox.refused(pending.get(1).id(), "bad key");

        assertThat(outbox.pendingCount(sweepId)).isZero();
        assertThat(outbox.sweepsWithPending()).isEmpty();
    }

    @OnEachDatabase
    void aRunIsRecordedOnceUnderItsKey(TestDatabase db) {
        Store store = db.open();
        long sweepId = mirroredSweep(store);
        MirroredSweep mirroring = store.trackingOutbox().mirroring(sweepId).orElseThrow();
        TrackedRun run = new TrackedRun(mirroring.sweepRunKey(), "1", "abc");

        store.trackingOutbox().saveRun(sweepId, Optional.empty(), run);
        store.trackingOutbox().saveRun(sweepId, Optional.empty(), new TrackedRun(mirroring.sweepRunKey(), "1", "other"));

        assertThat(store.trackingOutbox().run(mirroring.sweepRunKey())).contains(run);
        assertThat(mirroring.trackingUri()).isEqualTo(TARGET.trackingUri());
        assertThat(store.trackingOutbox().run(mirroring.trialRunKey(1))).isEmpty();
    }

    @OnEachDatabase
    void filesHandedOverAreQueuedForTheirRun(TestDatabase db) throws Exception {
        Store store = db.open();
        long sweepId = mirroredSweep(store);
        long plain = Fixtures.sweep(store, "plain", Goal.MAXIMIZE);

        store.trackingOutbox().attachFiles(sweepId, Optional.empty(), List.of(Path.of("curve.png")), "plots");
        store.trackingOutbox().attachFiles(plain, Optional.empty(), List.of(Path.of("curve.png")), "plots");

        OutboxEntry files = store.trackingOutbox().pending(sweepId, 100).get(1);
        assertThat(files.kind()).isEqualTo(OutboxKind.FILES);
        JsonNode payload = JSON.readTree(files.payloadJson());
        assertThat(payload.get("artifact_dir").asText()).isEqualTo("plots");
        assertThat(payload.get("files").get(0).asText()).startsWith("/").endsWith("/curve.png");
        assertThat(store.trackingOutbox().pendingCount(plain)).isZero();
    }

    private static long mirroredSweep(Store store) {
        long id = store.createSweep("mirrored", Fixtures.SPEC, "grid", "val_accuracy", Goal.MAXIMIZE, Optional.of(TARGET));
        return id;
    }
}
