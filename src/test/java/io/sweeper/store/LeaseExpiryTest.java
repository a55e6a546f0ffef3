package io.sweeper.store;

import io.sweeper.sweep.Goal;
import io.sweeper.sweep.TrialState;
import static io.sweeper.store.Fixtures.accuracy;
import static io.sweeper.store.Fixtures.claim;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

class LeaseExpiryTest {
    private static final int MAX_ATTEMPTS = 2;

    @OnEachDatabase
    void aTrialWhoseWorkerStoppedHeartbeatingIsClaimableAgainWithTheNextAttempt(TestDatabase db) {
        Store store = db.open();
        long sweepId = Fixtures.sweepWithTrials(store, Goal.MAXIMIZE, 1);
        ClaimedTrial crashed = claim(store, sweepId, "w1");
        store.recordEpoch(crashed.lease(), 0, accuracy(0.3));

        assertThat(store.reclaimExpired(sweepId, Instant.now(), MAX_ATTEMPTS).isEmpty())
                .as("the lease still runs").isTrue();

        Reclaimed reclaimed = store.reclaimExpired(sweepId, afterLease(crashed), MAX_ATTEMPTS);
        assertThat(reclaimed.requeued()).containsExactly(crashed.trialId());
        assertThat(reclaimed.failed()).isEmpty();
        TrialRow requeued = store.trial(crashed.trialId());
        assertThat(requeued.state()).isEqualTo(TrialState.QUEUED);
        assertThat(requeued.bestValue()).hasValue(0.3);
        assertThat(store.metrics(crashed.trialId())).as("kept for the next attempt to continue from").hasSize(1);

        ClaimedTrial retry = claim(store, sweepId, "w2");
        assertThat(retry.trialId()).isEqualTo(crashed.trialId());
        assertThat(retry.lease().attempt()).isEqualTo(2);
        assertThat(store.events(sweepId).get(store.events(sweepId).size() - 2).message())
                .startsWith("trial #1: running -> queued (lease of worker w1 expired at ")
                .endsWith(" on attempt 1 of 2)");
    }

    @OnEachDatabase
    void theWorkerThatLostItsLeaseCanNoLongerWrite(TestDatabase db) {
        Store store = db.open();
        long sweepId = Fixtures.sweepWithTrials(store, Goal.MAXIMIZE, 1);
        ClaimedTrial stale = claim(store, sweepId, "w1");
        store.reclaimExpired(sweepId, afterLease(stale), MAX_ATTEMPTS);
        // the same worker name claiming again still gets a new attempt, which fences the old one
        ClaimedTrial fresh = claim(store, sweepId, "w1");

        assertThat(store.heartbeat(stale.lease(), Duration.ofMinutes(5))).isEmpty();
        assertThatThrownBy(() -> store.recordEpoch(stale.lease(), 0, accuracy(0.99)))
                .isInstanceOf(TrialConflictException.class)
                .hasMessageContaining("running under worker w1 (attempt 2)")
                .hasMessageContaining("(attempt 1) no longer holds");
        assertThatThrownBy(() -> store.finishTrial(stale.lease(), TrialOutcome.finished()))
                .isInstanceOf(TrialConflictException.class);

        store.recordEpoch(fresh.lease(), 0, accuracy(0.6));
        assertThat(store.trial(fresh.trialId()).bestValue()).hasValue(0.6);
        assertThat(store.trial(fresh.trialId()).state()).isEqualTo(TrialState.RUNNING);
    }

    @OnEachDatabase
    void afterMaxAttemptsAnExpiredTrialFailsWithTheReason(TestDatabase db) {
        Store store = db.open();
        long sweepId = Fixtures.sweepWithTrials(store, Goal.MAXIMIZE, 1);
        ClaimedTrial first = claim(store, sweepId, "w1");
        store.reclaimExpired(sweepId, afterLease(first), MAX_ATTEMPTS);
        ClaimedTrial second = claim(store, sweepId, "w2");
        store.recordEpoch(second.lease(), 0, accuracy(0.7));

        Reclaimed reclaimed = store.reclaimExpired(sweepId, afterLease(second), MAX_ATTEMPTS);
        assertThat(reclaimed.failed()).containsExactly(second.trialId());
        assertThat(reclaimed.requeued()).isEmpty();
        TrialRow failed = store.trial(second.trialId());
        assertThat(failed.state()).isEqualTo(TrialState.FAILED);
        assertThat(failed.error()).hasValue("lease expired 2 times; last worker w2 (attempt 2 of 2)");
        assertThat(store.events(sweepId)).filteredOn(e -> e.kind() == EventKind.LEASE_EXPIRED).extracting(EventRow::message)
                .hasSize(2).last().isEqualTo("trial #1: running -> failed: lease expired 2 times; last worker w2 (attempt 2 of 2)");
        assertThat(failed.bestValue()).as("a failed trial keeps what it recorded").hasValue(0.7);
        assertThat(store.claimNextTrial(sweepId, "w3", Fixtures.LEASE)).isEmpty();
    }

    @OnEachDatabase
    void aHeartbeatKeepsATrialFromBeingReclaimed(TestDatabase db) {
        Store store = db.open();
        long sweepId = Fixtures.sweepWithTrials(store, Goal.MAXIMIZE, 1);
        ClaimedTrial claimed = claim(store, sweepId, "w1");
        TrialLease renewed = store.heartbeat(claimed.lease(), Duration.ofHours(1)).orElseThrow();

        assertThat(store.reclaimExpired(sweepId, afterLease(claimed), MAX_ATTEMPTS).isEmpty()).isTrue();
        assertThat(store.reclaimExpired(sweepId, renewed.until().plusSeconds(1), MAX_ATTEMPTS).requeued())
                .containsExactly(claimed.trialId());
    }

    private static Instant afterLease(ClaimedTrial claimed) {
        return claimed.lease().until().plusSeconds(1);
    }
}
