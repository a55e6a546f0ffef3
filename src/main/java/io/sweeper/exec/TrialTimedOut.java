package io.sweeper.exec;

/** A trial ran longer than the sweep's {@code trial_timeout} and was stopped. */
final class TrialTimedOut extends Exception {
    TrialTimedOut() {
        super("ran longer than trial_timeout");
    }
}
