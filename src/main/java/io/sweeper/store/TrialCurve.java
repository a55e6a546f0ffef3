package io.sweeper.store;

import io.sweeper.sweep.TrialState;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/** One trial's recorded values of one metric, by epoch: what early termination compares. */
public record TrialCurve(int number, TrialState state, SortedMap<Integer, Double> valuesByEpoch) {
    public TrialCurve {
        Objects.requireNonNull(state, "state");
        valuesByEpoch = Collections.unmodifiableSortedMap(new TreeMap<>(valuesByEpoch));
    }
}
