package io.sweeper.search;

/** Where a trial is in its life, as the store records it. */
public enum TrialState {
    QUEUED, RUNNING, FINISHED, FAILED, PRUNED, CANCELLED
}
