package io.sweeper.store;

import io.sweeper.sweep.TrialState;

/**
 * A write to a trial was refused because the trial is not in a state, or not under the lease,
 * that allows it: another worker took it over after the lease expired, the user cancelled it, or
 * the caller asked for a change the {@link TrialState} machine forbids. Nothing was written.
 * A worker that gets this has lost the trial and should stop working on it.
 */
public class TrialConflictException extends IllegalStateException {
    public TrialConflictException(String message) {
        super(message);
    }
}
