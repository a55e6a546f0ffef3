package io.sweeper.store;

import io.sweeper.sweep.TrialState;
import java.util.Objects;
import java.util.OptionalDouble;

/** Where a trial is, without its parameters: what a planner re-reads on every step. */
public record TrialStatus(int number, TrialState state, OptionalDouble bestValue) {
    public TrialStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(bestValue, "bestValue");
    }
}
