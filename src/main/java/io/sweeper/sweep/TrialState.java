package io.sweeper.sweep;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * A trial's life: {@code queued → running → finished | failed | pruned | cancelled}.
 * A running trial goes back to queued when its lease expires (its worker is gone), and a cancelled
 * one when a sweep is resumed or when the process that stopped it hands it back to the others; a
 * queued trial can be cancelled before it starts. Finished is final; failed and pruned trials go
 * back to the queue only when the user asks ({@code sweeper retry}).
 */
public enum TrialState {
    QUEUED,
    RUNNING,
    FINISHED,
    FAILED,
    PRUNED,
    CANCELLED;

    /** The word stored in {@code trial.state}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TrialState fromWord(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT));
    }

    /** The states this one may change to; every write in the store is checked against it. */
    public Set<TrialState> next() {
        return switch (this) {
            case QUEUED -> EnumSet.of(RUNNING, CANCELLED);
            case RUNNING -> EnumSet.of(FINISHED, FAILED, PRUNED, CANCELLED, QUEUED);
            case CANCELLED, FAILED, PRUNED -> EnumSet.of(QUEUED);
            case FINISHED -> EnumSet.noneOf(TrialState.class);
        };
    }

    public boolean canBecome(TrialState target) {
        return next().contains(target);
    }

    /**
     * Whether a trial in this state competes for "best": finished trials, and pruned ones, which
     * W&B also ranks by the value they reached before early termination stopped them.
     */
    public boolean ranksForBest() {
        return this == FINISHED || this == PRUNED;
    }
}
