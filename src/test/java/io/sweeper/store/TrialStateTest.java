package io.sweeper.store;

import io.sweeper.sweep.Goal;
import io.sweeper.sweep.TrialState;
import static io.sweeper.sweep.TrialState.CANCELLED;
import static io.sweeper.sweep.TrialState.FAILED;
import static io.sweeper.sweep.TrialState.FINISHED;
import static io.sweeper.sweep.TrialState.PRUNED;
import static io.sweeper.sweep.TrialState.QUEUED;
import static io.sweeper.sweep.TrialState.RUNNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrialStateTest {
    @Test
    void queuedTrialsStartOrAreCancelled() {
        assertThat(QUEUED.next()).containsExactlyInAnyOrder(RUNNING, CANCELLED);
    }

    @Test
    void runningTrialsEndOrGoBackToTheQueue() {
        assertThat(RUNNING.next()).containsExactlyInAnyOrder(FINISHED, FAILED, PRUNED, CANCELLED, QUEUED);
    }

    @Test
    void cancelledTrialsCanOnlyBeRequeued() {
        assertThat(CANCELLED.next()).containsExactly(QUEUED);
    }

    @Test
    void finishedIsFinalAndFailedOrPrunedCanOnlyBeRetried() {
        assertThat(FINISHED.next()).isEmpty();
        assertThat(FAILED.next()).containsExactly(QUEUED);
        assertThat(PRUNED.next()).containsExactly(QUEUED);
    }

    @Test
    void onlyFinishedAndPrunedTrialsCompeteForBest() {
        assertThat(TrialState.values()).filteredOn(TrialState::ranksForBest).containsExactlyInAnyOrder(FINISHED, PRUNED);
    }

    @Test
    void outcomesAreEndStatesAndOnlyFailuresCarryAnError() {
        assertThat(TrialOutcome.failed("out of memory").error()).contains("out of memory");
        assertThat(TrialOutcome.finished().error()).isEmpty();
        assertThatThrownBy(() -> new TrialOutcome(QUEUED, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrialOutcome(FINISHED, Optional.of("oops")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nanNeverBeatsAnything() {
        assertThat(Goal.MAXIMIZE.isBetter(Double.NaN, 0.1)).isFalse();
        assertThat(Goal.MINIMIZE.isBetter(0.1, Double.NaN)).isTrue();
        assertThat(Goal.MINIMIZE.isBetter(0.1, 0.2)).isTrue();
        assertThat(Goal.MAXIMIZE.isBetter(0.1, 0.2)).isFalse();
    }
}
