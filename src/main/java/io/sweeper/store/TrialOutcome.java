package io.sweeper.store;

import io.sweeper.sweep.TrialState;
import java.util.Objects;
import java.util.Optional;

/**
 * How a running trial ended, for {@link Store#finishTrial}. The best value and epoch are not part
 * of it: the store keeps them from the recorded epochs, so they cannot disagree with the metrics.
 *
 * @param error   what failed, with (and only with) failed; stored in {@code trial.error}
 * @param reason  why it ended, written in the trial's event (e.g. why early termination pruned it)
 */
public record TrialOutcome(TrialState state, Optional<String> error, Optional<String> reason) {
    public TrialOutcome {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(reason, "reason");
        if (!TrialState.RUNNING.canBecome(state) || state == TrialState.QUEUED) {
            throw new IllegalArgumentException("a trial cannot end as " + state.word());
        }
        if (error.isPresent() != (state == TrialState.FAILED)) {
            throw new IllegalArgumentException("an error message goes with failed, and only with failed");
        }
    }

    /** An outcome without a reason. */
    public TrialOutcome(TrialState state, Optional<String> error) {
        this(state, error, Optional.empty());
    }

    public static TrialOutcome finished() {
        return new TrialOutcome(TrialState.FINISHED, Optional.empty());
    }

    /** Stopped by early termination (hyperband, asha, median stopping). */
    public static TrialOutcome pruned() {
        return new TrialOutcome(TrialState.PRUNED, Optional.empty());
    }

    /** Stopped by early termination, for the reason given (recorded in the trial's event). */
    public static TrialOutcome pruned(String reason) {
        return new TrialOutcome(TrialState.PRUNED, Optional.empty(), Optional.of(reason));
    }

    /** Stopped by the user (Ctrl-C, cancel); a resumed sweep runs it again. */
    public static TrialOutcome cancelled() {
        return new TrialOutcome(TrialState.CANCELLED, Optional.empty());
    }

    public static TrialOutcome failed(String error) {
        return new TrialOutcome(TrialState.FAILED, Optional.of(error));
    }
}
