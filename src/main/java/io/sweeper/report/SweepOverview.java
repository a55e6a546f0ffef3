package io.sweeper.report;

import io.sweeper.store.Store;
import io.sweeper.store.SweepRow;
import io.sweeper.store.TrialRow;
import io.sweeper.sweep.TrialState;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One sweep at a glance: its row, how many trials are in each state, and its best trial. Read
 * with two small queries whatever the sweep's size (counts, and the best off the rank index).
 */
public record SweepOverview(SweepRow sweep, Map<TrialState, Integer> counts, Optional<TrialRow> best) {
    public SweepOverview {
        Objects.requireNonNull(sweep, "sweep");
        counts = Map.copyOf(counts);
        Objects.requireNonNull(best, "best");
    }

    public static SweepOverview read(Store store, SweepRow sweep) {
        return new SweepOverview(sweep, store.trialCounts(sweep.id()), store.bestTrial(sweep.id()));
    }

    public int count(TrialState state) {
        return counts.getOrDefault(state, 0);
    }

    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * Trials that are over for good: finished, pruned or failed. Cancelled ones are not, since
     * resuming the sweep runs them again.
     */
    public int done() {
        return count(TrialState.FINISHED) + count(TrialState.PRUNED) + count(TrialState.FAILED);
    }

    /** {@code 12 finished, 2 pruned, 5 queued}: the states that have trials, in life order. */
    public String countsByState() {
        String text = Arrays.stream(TrialState.values())
                .filter(state -> count(state) > 0)
                .map(state -> count(state) + " " + state.word())
                .collect(Collectors.joining(", "));
        return text.isEmpty() ? "no trials yet" : text;
    }

    /** {@code val_accuracy (maximize)}. */
    public String metric() {
        return sweep.metricName() + " (" + sweep.goal().word() + ")";
    }
}
