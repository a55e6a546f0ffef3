package io.sweeper.search;

import io.sweeper.sweep.Goal;
import io.sweeper.sweep.TrialState;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One trial's recorded values of the sweep's metric in epoch order: what early termination
 * compares. Non-finite values are left out, as W&amp;B's {@code metric_history(filter_invalid=True)}
 * leaves them out, so "iteration k" is the k-th finite value (counted from 1), whatever the
 * epochs are numbered. Immutable: {@link #with} returns a new curve.
 */
public final class MetricCurve {
    private final int trialNumber;
    private final TrialState state;
    private final int[] epochs;
    private final double[] values;
    /** sums[k] = values[0] + … + values[k-1], so a running average costs O(1). */
    private final double[] sums;

    private MetricCurve(int trialNumber, TrialState state, int[] epochs, double[] values) {
        this.trialNumber = trialNumber;
        this.state = Objects.requireNonNull(state, "state");
        this.epochs = epochs;
        this.values = values;
        this.sums = new double[values.length + 1];
        for (int i = 0; i < values.length; i++) {
            sums[i + 1] = sums[i] + values[i];
        }
    }

    /** The curve of a trial from its values by epoch (non-finite ones dropped). */
    public static MetricCurve of(int trialNumber, TrialState state, Map<Integer, Double> valuesByEpoch) {
        SortedMap<Integer, Double> finite = new TreeMap<>();
        valuesByEpoch.forEach((epoch, value) -> {
            if (Double.isFinite(value)) {
                finite.put(epoch, value);
            }
        });
        return new MetricCurve(trialNumber, state,
                finite.keySet().stream().mapToInt(Integer::intValue).toArray(),
                finite.values().stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** A trial that recorded nothing yet. */
    public static MetricCurve empty(int trialNumber, TrialState state) {
        return new MetricCurve(trialNumber, state, new int[0], new double[0]);
    }

    /** This curve with {@code epoch} recorded as {@code value} (an epoch recorded again is overwritten). */
    public MetricCurve with(int epoch, double value) {
        if (!Double.isFinite(value)) {
            return this;
        }
        if (epochs.length == 0 || epoch > epochs[epochs.length - 1]) {
            int[] e = Arrays.copyOf(epochs, epochs.length + 1);
            double[] v = Arrays.copyOf(values, values.length + 1);
            e[epochs.length] = epoch;
            v[values.length] = value;
            return new MetricCurve(trialNumber, state, e, v);
        }
        SortedMap<Integer, Double> byEpoch = new TreeMap<>();
        for (int i = 0; i < epochs.length; i++) {
            byEpoch.put(epochs[i], values[i]);
        }
        byEpoch.put(epoch, value);
        return of(trialNumber, state, byEpoch);
    }

    public MetricCurve withState(TrialState newState) {
        return new MetricCurve(trialNumber, newState, epochs, values);
    }

    public int trialNumber() {
        return trialNumber;
    }

    public TrialState state() {
        return state;
    }

    /** How many iterations (finite values) it recorded. */
    public int length() {
        return values.length;
    }

    /** The epoch of the last iteration; 0 for a curve with none. */
    public int lastEpoch() {
        return epochs.length == 0 ? 0 : epochs[epochs.length - 1];
    }

    /** The value at iteration {@code k}, 1 ≤ k ≤ length. */
    public double at(int k) {
        return values[k - 1];
    }

    /** The epoch number of iteration {@code k}. */
    public int epochAt(int k) {
        return epochs[k - 1];
    }

    /** The mean of iterations 1..k. */
    public double meanUpTo(int k) {
        return sums[k] / k;
    }

    /** The best value of iterations 1..k for the goal. */
    public double bestUpTo(int k, Goal goal) {
        double best = values[0];
        for (int i = 1; i < k; i++) {
            if (goal.isBetter(values[i], best)) {
                best = values[i];
            }
        }
        return best;
    }

    @Override
    public String toString() {
        return "trial #" + trialNumber + " (" + state.word() + ") " + Arrays.toString(values);
    }
}
