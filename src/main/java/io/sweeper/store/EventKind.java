package io.sweeper.store;

import java.util.Locale;

/** What an {@link EventRow} records; stored as a lower-case word in {@code event.kind}. */
public enum EventKind {
    SWEEP_CREATED,
    SWEEP_STATE,
    TRIALS_ADDED,
    TRIAL_STATE,
    /** A running trial's lease ran out (its worker is gone): requeued, or failed after max attempts. */
    LEASE_EXPIRED,
    /** An attempt of a trial failed (crash, timeout) and its sweep's retry policy queued it again. */
    TRIAL_RETRIED;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    static EventKind fromWord(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT));
    }
}
