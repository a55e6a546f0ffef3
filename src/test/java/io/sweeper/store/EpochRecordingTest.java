package io.sweeper.store;

import io.sweeper.sweep.Goal;
import io.sweeper.sweep.TrialState;
import static io.sweeper.store.Fixtures.accuracy;
import static io.sweeper.store.Fixtures.claim;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

class EpochRecordingTest {
    @OnEachDatabase
    void recordingAnEpochAgainOverwritesItInsteadOfDuplicating(TestDatabase db) {
        Store store = db.open();
        long sweepId = Fixtures.sweepWithTrials(store, Goal.MAXIMIZE, 1);
        ClaimedTrial trial = claim(store, sweepId, "w1");

        store.recordEpoch(trial.lease(), 0, accuracy(0.5));
        store.recordEpoch(trial.lease(), 1, accuracy(0.8));
        store.recordEpoch(trial.lease(), 1, accuracy(0.8)); // a retry after a lost reply
        assertThat(store.metrics(trial.trialId())).containsExactly(
                new EpochMetrics(0, accuracy(0.5)), new EpochMetrics(1, accuracy(0.8)));
        TrialRow row = store.trial(trial.trialId());
        assertThat(row.bestValue()).hasValue(0.8);
        assertThat(row.bestEpoch()).hasValue(1);
        assertThat(row.lastEpoch()).hasValue(1);

        store.recordEpoch(trial.lease(), 1, accuracy(0.2)); // epoch 1 re-run with another result
        row = store.trial(trial.trialId());
        assertThat(row.bestValue()).as("best follows the overwrite").hasValue(0.5);
        assertThat(row.bestEpoch()).hasValue(0);
        assertThat(store.metrics(trial.trialId())).hasSize(2);
    }

    @OnEachDatabase
    void aRewindForgetsLaterEpochsAndRecomputesBestAndLast(TestDatabase db) {
        Store store = db.open();
        long sweepId = Fixtures.sweepWithTrials(store, Goal.MAXIMIZE, 1);
        ClaimedTrial killed = claim(store, sweepId, "w1");
        store.recordEpoch(killed.lease(), 1, accuracy(0.5));
        store.recordEpoch(killed.lease(), 2, accuracy(0.6));
        store.recordEpoch(killed.lease(), 3, accuracy(0.9));
        store.recordCheckpoint(killed.lease(), 2, Path.of("/tmp/ckpt"), "a".repeat(64), 10);
        store.recordCheckpoint(killed.lease(), 3, Path.of("/tmp/ckpt"), "b".repeat(64), 10);
        store.stopWorking(sweepId, "w1", Fixtures.LEASE);
        store.setSweepState(sweepId, SweepState.RUNNING); // resume
        store.requeueCancelled(sweepId);
        ClaimedTrial again = claim(store, sweepId, "w2");

        store.rewind(again.lease(), 2);
        TrialRow row = store.trial(again.trialId());
        assertThat(store.metrics(again.trialId())).extracting(EpochMetrics::epoch).containsExactly(1, 2);
        assertThat(store.checkpoints(again.trialId())).extracting(CheckpointRow::epoch).containsExactly(2);
        assertThat(row.bestValue()).hasValue(0.6);
        assertThat(row.bestEpoch()).hasValue(2);
        assertThat(row.lastEpoch()).hasValue(2);

        store.rewind(again.lease(), 0);
        row = store.trial(again.trialId());
        assertThat(store.metrics(again.trialId())).isEmpty();
        assertThat(store.checkpoints(again.trialId())).isEmpty();
        assertThat(row.bestValue()).isEmpty();
        assertThat(row.bestEpoch()).isEmpty();
        assertThat(row.lastEpoch()).isEmpty();
        assertThatThrownBy(() -> store.rewind(killed.lease(), 0)).as("only under the current lease")
                .isInstanceOf(TrialConflictException.class);
    }

    @OnEachDatabase
    void theBestValueFollowsTheSweepsGoal(TestDatabase db) {
        Store store = db.open();
        long minimizing = store.createSweep("loss", Fixtures.SPEC, "grid", "val_loss", Goal.MINIMIZE);
        store.addTrial(minimizing, 1, "{}");
        ClaimedTrial trial = claim(store, minimizing, "w1");
        store.recordEpoch(trial.lease(), 0, Map.of("val_loss", 0.9));
        store.recordEpoch(trial.lease(), 1, Map.of("val_loss", 0.3));
        store.recordEpoch(trial.lease(), 2, Map.of("val_loss", 0.6));
        TrialRow row = store.trial(trial.trialId());
        assertThat(row.bestValue()).hasValue(0.3);
        assertThat(row.bestEpoch()).hasValue(1);
        assertThat(row.lastEpoch()).hasValue(2);
    }

    @OnEachDatabase
    void aDivergedEpochIsKeptButNeverBest(TestDatabase db) {
        Store store = db.open();
        long sweepId = store.createSweep("loss", Fixtures.SPEC, "grid", "val_loss", Goal.MINIMIZE);
        store.addTrial(sweepId, 1, "{}");
        ClaimedTrial trial = claim(store, sweepId, "w1");
        store.recordEpoch(trial.lease(), 0, Map.of("val_loss", Double.NaN));
        assertThat(store.trial(trial.trialId()).bestValue()).isEmpty();
        store.recordEpoch(trial.lease(), 1, Map.of("val_loss", 2.5));
        assertThat(store.trial(trial.trialId()).bestValue()).hasValue(2.5);
        assertThat(store.metrics(trial.trialId()).get(0).values().get("val_loss")).isNaN();
    }

    @OnEachDatabase
    void manyEpochsAreRecordedInOneBatch(TestDatabase db) {
        Store store = db.open();
        long sweepId = Fixtures.sweepWithTrials(store, Goal.MAXIMIZE, 1);
        ClaimedTrial trial = claim(store, sweepId, "w1");
        List<EpochMetrics> epochs = IntStream.range(0, 700)
                .mapToObj(e -> new EpochMetrics(e, accuracy(e == 345 ? 0.99 : e / 1000.0)))
                .toList();
        store.recordEpochs(trial.lease(), epochs);
        assertThat(store.metrics(trial.trialId())).isEqualTo(epochs);
        assertThat(store.trial(trial.trialId()).bestEpoch()).hasValue(345);
        assertThat(store.trial(trial.trialId()).lastEpoch()).hasValue(699);
    }

    @OnEachDatabase
    void trialsAreRankedByTheGoalWithTrialsWithoutAValueLast(TestDatabase db) {
        Store store = db.open();
        for (Goal goal : Goal.values()) {
            long sweepId = store.createSweep("rank-" + goal.word(), Fixtures.SPEC, "grid", "val_accuracy", goal);
            store.addTrials(sweepId, IntStream.rangeClosed(1, 5).mapToObj(Fixtures::trial).toList());
            finish(store, sweepId, "w", 0.7);  // #1
            finish(store, sweepId, "w", 0.9);  // #2
            claim(store, sweepId, "w");        // #3 running, no epoch yet
            finish(store, sweepId, "w", 0.8);  // #4
            // #5 stays queued

            List<Integer> expected = goal == Goal.MAXIMIZE ? List.of(2, 4, 1, 3, 5) : List.of(1, 4, 2, 3, 5);
            assertThat(store.trials(sweepId)).extracting(TrialRow::number).containsExactlyElementsOf(expected);
            assertThat(store.bestTrial(sweepId)).map(TrialRow::number).contains(expected.get(0));
        }
    }

    @OnEachDatabase
    void trialsOfOneStateAreRankedTheSameWay(TestDatabase db) {
        Store store = db.open();
        for (Goal goal : Goal.values()) {
            long sweepId = store.createSweep("state-" + goal.word(), Fixtures.SPEC, "grid", "val_accuracy", goal);
            store.addTrials(sweepId, IntStream.rangeClosed(1, 6).mapToObj(Fixtures::trial).toList());
            finish(store, sweepId, "w", 0.7);  // #1
            ClaimedTrial running = claim(store, sweepId, "w");
            store.recordEpoch(running.lease(), 0, accuracy(0.95)); // #2 running, better than any finished
            finish(store, sweepId, "w", 0.9);  // #3
            finish(store, sweepId, "w", 0.8);  // #4
            // #5, #6 stay queued

            List<Integer> finished = goal == Goal.MAXIMIZE ? List.of(3, 4, 1) : List.of(1, 4, 3);
            assertThat(store.topTrials(sweepId, TrialState.FINISHED, 10)).extracting(TrialRow::number)
                    .containsExactlyElementsOf(finished);
            assertThat(store.topTrials(sweepId, TrialState.FINISHED, 2)).extracting(TrialRow::number)
                    .containsExactlyElementsOf(finished.subList(0, 2));
            assertThat(store.topTrials(sweepId, TrialState.RUNNING, 10)).extracting(TrialRow::number).containsExactly(2);
            assertThat(store.topTrials(sweepId, TrialState.QUEUED, 10)).extracting(TrialRow::number).containsExactly(5, 6);
            assertThat(store.topTrials(sweepId, TrialState.FAILED, 10)).isEmpty();
        }
    }

    @OnEachDatabase
    void onlyFinishedOrPrunedTrialsCanBeBest(TestDatabase db) {
        Store store = db.open();
        long sweepId = Fixtures.sweepWithTrials(store, Goal.MAXIMIZE, 4);
        ClaimedTrial running = claim(store, sweepId, "w1");
        store.recordEpoch(running.lease(), 0, accuracy(0.99));
        ClaimedTrial failed = claim(store, sweepId, "w2");
        store.recordEpoch(failed.lease(), 0, accuracy(0.98));
        store.finishTrial(failed.lease(), TrialOutcome.failed("crash"));
        assertThat(store.bestTrial(sweepId)).isEmpty();

        ClaimedTrial pruned = claim(store, sweepId, "w3");
        store.recordEpoch(pruned.lease(), 0, accuracy(0.6));
        store.finishTrial(pruned.lease(), TrialOutcome.pruned());
        finish(store, sweepId, "w4", 0.5);
        assertThat(store.bestTrial(sweepId)).map(TrialRow::id).contains(pruned.trialId());
    }

    @OnEachDatabase
    void aTieForBestGoesToTheEarlierTrial(TestDatabase db) {
        Store store = db.open();
        for (Goal goal : Goal.values()) {
            long sweepId = store.createSweep("tie-" + goal.word(), Fixtures.SPEC, "grid", "val_accuracy", goal);
            store.addTrials(sweepId, IntStream.rangeClosed(1, 4).mapToObj(Fixtures::trial).toList());
            finish(store, sweepId, "w", 0.5);
            finish(store, sweepId, "w", 0.75);
            ClaimedTrial pruned = claim(store, sweepId, "w");
            store.recordEpoch(pruned.lease(), 0, accuracy(0.75));
            store.finishTrial(pruned.lease(), TrialOutcome.pruned());
            finish(store, sweepId, "w", 0.75);
            int expected = goal == Goal.MAXIMIZE ? 2 : 1;
            assertThat(store.bestTrial(sweepId)).map(TrialRow::number).as(goal.word()).contains(expected);
            assertThat(store.topTrials(sweepId, 1)).extracting(TrialRow::number).containsExactly(expected);
        }
    }

    @OnEachDatabase
    void checkpointsAreRecordedPerEpochAndRewritable(TestDatabase db) {
        Store store = db.open();
        long sweepId = Fixtures.sweepWithTrials(store, Goal.MAXIMIZE, 1);
        ClaimedTrial trial = claim(store, sweepId, "w1");
        store.recordCheckpoint(trial.lease(), 3, Path.of("/ckpt/a.zip"), "a".repeat(64), 100);
        store.recordCheckpoint(trial.lease(), 3, Path.of("/ckpt/b.zip"), "b".repeat(64), 200);
        store.recordCheckpoint(trial.lease(), 1, Path.of("/ckpt/c.zip"), "c".repeat(64), 50);

        assertThat(store.checkpoints(trial.trialId()))
                .extracting(CheckpointRow::epoch, CheckpointRow::path, CheckpointRow::bytes)
                .containsExactly(
                        tuple(1, Path.of("/ckpt/c.zip"), 50L),
                        tuple(3, Path.of("/ckpt/b.zip"), 200L));
        assertThatThrownBy(() -> store.recordCheckpoint(trial.lease(), 4, Path.of("/x"), "not-a-digest", 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void finish(Store store, long sweepId, String worker, double accuracy) {
        ClaimedTrial trial = claim(store, sweepId, worker);
        store.recordEpoch(trial.lease(), 0, accuracy(accuracy));
        store.finishTrial(trial.lease(), TrialOutcome.finished());
    }
}
