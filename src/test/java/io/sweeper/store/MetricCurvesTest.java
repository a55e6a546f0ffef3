package io.sweeper.store;

import static io.sweeper.store.Fixtures.accuracy;
import static io.sweeper.store.Fixtures.claim;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.sweeper.sweep.Goal;
import io.sweeper.sweep.TrialState;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** What early termination reads: every trial's curve of one metric, and why a trial was pruned. */
class MetricCurvesTest {

    @OnEachDatabase
    void everyTrialOfTheSweepThatRecordedTheMetricWithItsStateAndValuesByEpoch(TestDatabase db) {
        Store store = db.open();
        long sweepId = Fixtures.sweepWithTrials(store, Goal.MAXIMIZE, 3);
        long otherSweep = Fixtures.sweepWithTrials(store, Goal.MAXIMIZE, 1);
        ClaimedTrial first = claim(store, sweepId, "w1");
        store.recordEpoch(first.lease(), 1, accuracy(0.5));
        store.recordEpoch(first.lease(), 2, accuracy(0.7));
        store.finishTrial(first.lease(), TrialOutcome.finished());
        ClaimedTrial second = claim(store, sweepId, "w1");
        store.recordEpoch(second.lease(), 1, Map.of("val_loss", 0.4)); // not the metric asked for
        store.recordEpoch(second.lease(), 2, accuracy(0.6));
        ClaimedTrial elsewhere = claim(store, otherSweep, "w1"); // another sweep's trial #1: not read
        store.recordEpoch(elsewhere.lease(), 1, accuracy(0.9));
        // trial #3 stays queued, without a curve

        assertThat(store.metricCurves(sweepId, "val_accuracy"))
                .extracting(TrialCurve::number, TrialCurve::state, TrialCurve::valuesByEpoch)
                .containsExactly(
                        tuple(1, TrialState.FINISHED, new TreeMap<>(Map.of(1, 0.5, 2, 0.7))),
                        tuple(2, TrialState.RUNNING, new TreeMap<>(Map.of(2, 0.6))));
    }

    @OnEachDatabase
    void aRequeuedTrialHasNoCurveAnyMore(TestDatabase db) {
        Store store = db.open();
        long sweepId = Fixtures.sweepWithTrials(store, Goal.MAXIMIZE, 1);
        ClaimedTrial trial = claim(store, sweepId, "w1");
        store.recordEpoch(trial.lease(), 1, accuracy(0.5));
        store.reclaimExpired(sweepId, Instant.now().plus(Fixtures.LEASE).plusSeconds(1), 3);

        assertThat(store.metricCurves(sweepId, "val_accuracy")).isEmpty();
    }

    @OnEachDatabase
    void aPrunedTrialsEventSaysWhy(TestDatabase db) {
        Store store = db.open();
        long sweepId = Fixtures.sweepWithTrials(store, Goal.MAXIMIZE, 1);
        ClaimedTrial trial = claim(store, sweepId, "w1");
        store.recordEpoch(trial.lease(), 1, accuracy(0.3));
        store.finishTrial(trial.lease(), TrialOutcome.pruned("at epoch 1: val_accuracy 0.3 is worse than 0.5"));

        assertThat(store.events(sweepId)).last().extracting(EventRow::message).isEqualTo(
                "trial #1: running -> pruned at epoch 1: val_accuracy 0.3 is worse than 0.5 (best 0.3 at epoch 1)");
        assertThat(store.trial(trial.trialId()).error()).as("a pruned trial has no error").isEmpty();
        assertThat(store.metrics(trial.trialId())).hasSize(1);
    }
}
