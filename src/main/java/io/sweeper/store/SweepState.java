package io.sweeper.store;

import java.util.Locale;

/** Where a sweep is: trials are claimed only from a running sweep. */
public enum SweepState {
    RUNNING,
    FINISHED,
    CANCELLED,
    FAILED;

    /** The word stored in {@code sweep.state}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    static SweepState fromWord(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT));
    }

    /** A sweep in this state has an end time; going back to running clears it. */
    boolean hasEnded() {
        return this != RUNNING;
    }
}
