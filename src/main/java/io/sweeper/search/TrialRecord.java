package io.sweeper.search;

import io.sweeper.sweep.TrialState;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.sweeper.sweep.ConfigValues;

/**
 * A frozen snapshot of one trial, all a search method may know of it. Trials are numbered from 0
 * in the order they were created.
 *
 * @param params    the configuration it ran with; normalised ({@link ConfigValues}), so one read
 *                  back from JSON equals the one that was suggested
 * @param bestValue its best value of the sweep's metric so far, if it reported any
 */
public record TrialRecord(int number, Map<String, Object> params, TrialState state, Optional<Double> bestValue) {

    public TrialRecord {
        if (number < 0) {
            throw new IllegalArgumentException("trial numbers start at 0, got " + number);
        }
        params = ConfigValues.normalizeMap(params);
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(bestValue, "bestValue");
    }

    /** The number the next trial gets: one past the highest so far, so it never repeats one. */
    public static int nextNumber(List<TrialRecord> history) {
        return history.stream().mapToInt(TrialRecord::number).max().orElse(-1) + 1;
    }
}
