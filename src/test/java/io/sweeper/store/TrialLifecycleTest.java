package io.sweeper.store;

import io.sweeper.sweep.Goal;
import io.sweeper.sweep.TrialState;
import static io.sweeper.store.Fixtures.LEASE;
import static io.sweeper.store.Fixtures.accuracy;
import static io.sweeper.store.Fixtures.claim;
import static io.sweeper.store.Fixtures.states;
import static io.sweeper.store.Fixtures.sweepWithTrials;
import static io.sweeper.sweep.TrialState.CANCELLED;
import static io.sweeper.sweep.TrialState.FINISHED;
import static io.sweeper.sweep.TrialState.QUEUED;
import static io.sweeper.sweep.TrialState.RUNNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

class TrialLifecycleTest {
    @OnEachDatabase
    void aTrialIsQueuedClaimedAndFinishedWithAnEventForEveryChange(TestDatabase db) {
        Store store = db.open();
        long sweepId = sweepWithTrials(store, Goal.MAXIMIZE, 1);
        TrialRow queued = store.trials(sweepId).get(0);
        assertThat(queued.state()).isEqualTo(QUEUED);
        assertThat(queued.attempt()).isZero();
        assertThat(queued.worker()).isEmpty();

        ClaimedTrial claimed = claim(store, sweepId, "w1");
        TrialRow running = store.trial(claimed.trialId());
        assertThat(running.state()).isEqualTo(RUNNING);
        assertThat(running.worker()).contains("w1");
        assertThat(running.attempt()).isEqualTo(1);
        assertThat(running.startedAt()).isPresent();
        assertThat(running.leaseUntil()).contains(claimed.lease().until());
        assertThat(claimed.paramsJson()).isEqualTo(queued.paramsJson());

        store.recordEpoch(claimed.lease(), 0, accuracy(0.5));
        store.finishTrial(claimed.lease(), TrialOutcome.finished());
        TrialRow finished = store.trial(claimed.trialId());
        assertThat(finished.state()).isEqualTo(FINISHED);
        assertThat(finished.endedAt()).isPresent();
        assertThat(finished.leaseUntil()).isEmpty();
        assertThat(finished.bestValue()).hasValue(0.5);

        assertThat(store.events(sweepId)).extracting(EventRow::kind, EventRow::message).containsExactly(
                tuple(EventKind.SWEEP_CREATED, "sweep 'test' created: grid, maximize val_accuracy"),
                tuple(EventKind.TRIALS_ADDED, "trial #1 queued"),
                tuple(EventKind.TRIAL_STATE, "trial #1: queued -> running (worker w1, attempt 1)"),
                tuple(EventKind.TRIAL_STATE, "trial #1: running -> finished (best 0.5 at epoch 0)"));
    }

    @OnEachDatabase
    void anEndedTrialCannotEndAgain(TestDatabase db) {
        Store store = db.open();
        long sweepId = sweepWithTrials(store, Goal.MAXIMIZE, 1);
        ClaimedTrial claimed = claim(store, sweepId, "w1");
        store.finishTrial(claimed.lease(), TrialOutcome.pruned());

        assertThatThrownBy(() -> store.finishTrial(claimed.lease(), TrialOutcome.finished()))
                .isInstanceOf(TrialConflictException.class)
                .hasMessageContaining("is pruned");
        assertThatThrownBy(() -> store.recordEpoch(claimed.lease(), 1, accuracy(0.9)))
                .isInstanceOf(TrialConflictException.class);
        assertThat(store.trial(claimed.trialId()).state()).isEqualTo(TrialState.PRUNED);
        assertThat(store.metrics(claimed.trialId())).isEmpty();
    }

    @OnEachDatabase
    void aFailedTrialKeepsItsError(TestDatabase db) {
        Store store = db.open();
        long sweepId = sweepWithTrials(store, Goal.MAXIMIZE, 1);
        ClaimedTrial claimed = claim(store, sweepId, "w1");
        store.finishTrial(claimed.lease(), TrialOutcome.failed("OutOfMemoryError: Java heap space\n\tat ..."));

        TrialRow failed = store.trial(claimed.trialId());
        assertThat(failed.state()).isEqualTo(TrialState.FAILED);
        assertThat(failed.error()).contains("OutOfMemoryError: Java heap space\n\tat ...");
        assertThat(store.events(sweepId).get(3).message())
                .isEqualTo("trial #1: running -> failed: OutOfMemoryError: Java heap space");
    }

    @OnEachDatabase
    void ctrlCCancelsRunningTrialsAndResumeQueuesThemKeepingWhatTheyRecorded(TestDatabase db) {
        Store store = db.open();
        long sweepId = sweepWithTrials(store, Goal.MAXIMIZE, 3);
        ClaimedTrial first = claim(store, sweepId, "host:7:0");
        ClaimedTrial second = claim(store, sweepId, "host:7:1");
        store.recordEpoch(first.lease(), 0, accuracy(0.4));
        store.recordCheckpoint(first.lease(), 0, Path.of("/tmp/ckpt/1-0.zip"), "a".repeat(64), 10);

        store.workingOn(sweepId, "host:7:", "test");
        assertThat(store.stopWorking(sweepId, "host:7:", LEASE)).as("the only process stopped")
                .isEqualTo(new ProcessStop(0, true));
        assertThat(states(store, sweepId)).containsExactly(CANCELLED, CANCELLED, QUEUED);
        assertThat(store.findSweep(Long.toString(sweepId)).state()).isEqualTo(SweepState.CANCELLED);
        // the interrupted workers may still try to write: refused, nothing changes
        assertThatThrownBy(() -> store.finishTrial(second.lease(), TrialOutcome.finished()))
                .isInstanceOf(TrialConflictException.class)
                .hasMessageContaining("is cancelled");
        assertThat(store.heartbeat(first.lease(), LEASE)).isEmpty();

        store.setSweepState(sweepId, SweepState.RUNNING);
        assertThat(store.requeueCancelled(sweepId)).isEqualTo(2);
        assertThat(states(store, sweepId)).containsExactly(QUEUED, QUEUED, QUEUED);
        TrialRow requeued = store.trial(first.trialId());
        assertThat(requeued.bestValue()).as("kept for the next attempt to continue from").hasValue(0.4);
        assertThat(requeued.lastEpoch()).hasValue(0);
        assertThat(requeued.worker()).isEmpty();
        assertThat(store.metrics(first.trialId())).hasSize(1);
        assertThat(store.checkpoints(first.trialId())).hasSize(1);

        ClaimedTrial again = claim(store, sweepId, "w3");
        assertThat(again.trialId()).isEqualTo(first.trialId());
        assertThat(again.lease().attempt()).isEqualTo(2);
    }

    @OnEachDatabase
    void aProcessStoppingWhileAnotherRunsTheSweepHandsItsTrialsBackAndCancelsNothingElse(TestDatabase db) {
        Store store = db.open();
        long sweepId = sweepWithTrials(store, Goal.MAXIMIZE, 3);
        ClaimedTrial stopping = workingOnAndClaiming(store, sweepId, "a:1:");
        ClaimedTrial other = workingOnAndClaiming(store, sweepId, "b:2:");
        store.recordEpoch(stopping.lease(), 0, accuracy(0.4));

        assertThat(store.stopWorking(sweepId, "a:1:", LEASE)).isEqualTo(new ProcessStop(1, false));
        assertThat(states(store, sweepId)).containsExactly(QUEUED, RUNNING, QUEUED);
        assertThat(store.findSweep(Long.toString(sweepId)).state()).isEqualTo(SweepState.RUNNING);
        assertThat(store.metrics(stopping.trialId())).as("kept for the next attempt to continue from").hasSize(1);
        assertThat(store.heartbeat(other.lease(), LEASE)).as("the other process keeps its lease").isPresent();
        assertThat(store.heartbeat(stopping.lease(), LEASE)).isEmpty();
        assertThat(claim(store, sweepId, "b:2:1").lease().attempt()).isEqualTo(2);
    }

    @OnEachDatabase
    void aProcessBetweenTrialsOrWaitingStillCountsAsWorkingOnTheSweep(TestDatabase db) {
        Store store = db.open();
        long sweepId = sweepWithTrials(store, Goal.MAXIMIZE, 2);
        store.workingOn(sweepId, "a:1:", "test");
        store.workingOn(sweepId, "b:2:", "test"); // runs no trial at this moment
        ClaimedTrial stopping = claim(store, sweepId, "a:1:0");
        assertThat(store.othersWorkingOn(sweepId, "a:1:", LEASE)).isEqualTo(1);

        assertThat(store.stopWorking(sweepId, "a:1:", LEASE)).isEqualTo(new ProcessStop(1, false));
        assertThat(store.othersWorkingOn(sweepId, "b:2:", LEASE)).as("a stopped process has left").isZero();
        assertThat(store.findSweep(Long.toString(sweepId)).state()).isEqualTo(SweepState.RUNNING);
        assertThat(claim(store, sweepId, "b:2:0").trialId()).as("the waiting process takes it over")
                .isEqualTo(stopping.trialId());

        assertThat(store.stopWorking(sweepId, "b:2:", LEASE)).as("a stopped process no longer counts")
                .isEqualTo(new ProcessStop(0, true));
        assertThat(store.findSweep(Long.toString(sweepId)).state()).isEqualTo(SweepState.CANCELLED);
    }

    @OnEachDatabase
    void aProcessNotSeenWithinTheLeaseIsDeadAndTheStoppingOneIsTheLast(TestDatabase db) throws InterruptedException {
        Store store = db.open();
        long sweepId = sweepWithTrials(store, Goal.MAXIMIZE, 2);
        Duration lease = Duration.ofMillis(200);
        store.workingOn(sweepId, "killed:1:", "test"); // SIGKILLed: never renews, never leaves
        Thread.sleep(lease.toMillis() + 50);
        store.workingOn(sweepId, "a:2:", "test");
        claim(store, sweepId, "a:2:0");
        assertThat(store.othersWorkingOn(sweepId, "a:2:", lease)).as("not seen within the lease").isZero();

        assertThat(store.stopWorking(sweepId, "a:2:", lease)).isEqualTo(new ProcessStop(0, true));
        assertThat(states(store, sweepId)).containsExactly(CANCELLED, QUEUED);
    }

    @OnEachDatabase
    void aProcessThatFinishedItsWorkLeaves(TestDatabase db) {
        Store store = db.open();
        long sweepId = sweepWithTrials(store, Goal.MAXIMIZE, 1);
        store.workingOn(sweepId, "done:1:", "test");
        store.leave(sweepId, "done:1:");
        store.workingOn(sweepId, "a:2:", "test");
        claim(store, sweepId, "a:2:0");

        assertThat(store.stopWorking(sweepId, "a:2:", LEASE)).isEqualTo(new ProcessStop(0, true));
    }

    @OnEachDatabase
    void theLeasesOfADeadProcessEndAtOnceAndThePolicyRequeuesItsTrials(TestDatabase db) {
        Store store = db.open();
        long sweepId = sweepWithTrials(store, Goal.MAXIMIZE, 3);
        ClaimedTrial dead = workingOnAndClaiming(store, sweepId, "h:12:");
        ClaimedTrial alive = workingOnAndClaiming(store, sweepId, "h:123:");
        assertThat(store.processes(sweepId)).extracting(ProcessSeen::process).containsExactlyInAnyOrder("h:12:", "h:123:");

        assertThat(store.endLeasesOf(sweepId, "h:12:")).as("not h:123:'s trial").isEqualTo(1);
        assertThat(store.processes(sweepId)).extracting(ProcessSeen::process).containsExactly("h:123:");
        assertThat(store.reclaimExpired(sweepId, Instant.now(), 3).requeued()).containsExactly(dead.trialId());
        assertThat(states(store, sweepId)).containsExactly(QUEUED, RUNNING, QUEUED);
        assertThat(store.heartbeat(alive.lease(), LEASE)).isPresent();
        assertThat(claim(store, sweepId, "h:123:1").lease().attempt()).isEqualTo(2);
    }

    @OnEachDatabase
    void cancelledQueuedTrialsAreNotClaimed(TestDatabase db) {
        Store store = db.open();
        long sweepId = sweepWithTrials(store, Goal.MAXIMIZE, 2);
        assertThat(store.cancelQueued(sweepId)).isEqualTo(2);
        assertThat(store.claimNextTrial(sweepId, "w1", LEASE)).isEmpty();
        assertThat(store.trials(sweepId)).allSatisfy(t -> assertThat(t.endedAt()).isPresent());
    }

    @OnEachDatabase
    void onlyRunningSweepsHandOutTrials(TestDatabase db) {
        Store store = db.open();
        long sweepId = sweepWithTrials(store, Goal.MAXIMIZE, 1);
        store.setSweepState(sweepId, SweepState.CANCELLED);
        assertThat(store.findSweep(Long.toString(sweepId)).endedAt()).isPresent();
        assertThat(store.claimNextTrial(sweepId, "w1", LEASE)).isEmpty();

        store.setSweepState(sweepId, SweepState.RUNNING);
        assertThat(store.findSweep(Long.toString(sweepId)).endedAt()).isEmpty();
        assertThat(store.claimNextTrial(sweepId, "w1", LEASE)).isPresent();
        assertThat(store.events(sweepId)).extracting(EventRow::message)
                .contains("sweep: running -> cancelled", "sweep: cancelled -> running");
    }

    @OnEachDatabase
    void heartbeatsExtendTheLeaseOfTheWorkerThatHoldsIt(TestDatabase db) {
        Store store = db.open();
        long sweepId = sweepWithTrials(store, Goal.MAXIMIZE, 1);
        ClaimedTrial claimed = claim(store, sweepId, "w1");

        TrialLease renewed = store.heartbeat(claimed.lease(), Duration.ofHours(1)).orElseThrow();
        assertThat(renewed.until()).isAfter(claimed.lease().until());
        assertThat(store.trial(claimed.trialId()).leaseUntil()).contains(renewed.until());

        TrialLease impostor = new TrialLease(claimed.trialId(), "w2", 1, renewed.until());
        assertThat(store.heartbeat(impostor, Duration.ofHours(2))).isEmpty();
        assertThat(store.trial(claimed.trialId()).leaseUntil()).contains(renewed.until());
    }

    @OnEachDatabase
    void trialNumbersAreUniqueInASweepAndARefusedBatchAddsNothing(TestDatabase db) {
        Store store = db.open();
        long sweepId = sweepWithTrials(store, Goal.MAXIMIZE, 2);
        assertThatThrownBy(() -> store.addTrials(sweepId, List.of(Fixtures.trial(3), Fixtures.trial(2))))
                .isInstanceOf(TrialConflictException.class)
                .hasMessageContaining("already has trials numbered [2]");
        assertThat(store.trials(sweepId)).extracting(TrialRow::number).containsExactlyInAnyOrder(1, 2);
        assertThat(store.addTrial(sweepId, 3, "{}")).isPositive();
    }

    @OnEachDatabase
    void aBatchOfThousandsOfTrialsIsQueuedInOneGo(TestDatabase db) {
        Store store = db.open();
        long sweepId = sweepWithTrials(store, Goal.MAXIMIZE, 2500);
        assertThat(store.trialCounts(sweepId)).containsEntry(QUEUED, 2500).containsEntry(RUNNING, 0);
        assertThat(store.events(sweepId).get(1).message()).isEqualTo("2500 trials queued (#1 to #2500)");
    }

    /** Process {@code process} starts working on the sweep and its first worker claims a trial. */
    private static ClaimedTrial workingOnAndClaiming(Store store, long sweepId, String process) {
        store.workingOn(sweepId, process, "test");
        return claim(store, sweepId, process + "0");
    }
}
