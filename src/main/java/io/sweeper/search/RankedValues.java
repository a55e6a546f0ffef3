package io.sweeper.search;

import io.sweeper.sweep.Goal;
import java.util.Arrays;
import java.util.Collection;

/**
 * The values that trials recorded at one iteration, best first for the goal: what every early
 * termination rule cuts. Only trials that reached the iteration take part.
 */
final class RankedValues {
    private final double[] bestFirst;
    private final Goal goal;

    private RankedValues(double[] bestFirst, Goal goal) {
        this.bestFirst = bestFirst;
        this.goal = goal;
    }

    /** The values at iteration {@code k} of {@code trial} and of those {@code others} that reached it. */
    static RankedValues at(int k, MetricCurve trial, Collection<MetricCurve> others, Goal goal) {
        double[] values = new double[others.size() + 1];
        int n = 0;
        values[n++] = trial.at(k);
        for (MetricCurve other : others) {
            if (other.length() >= k) {
                values[n++] = other.at(k);
            }
        }
        return sorted(Arrays.copyOf(values, n), goal);
    }

    /** {@code values} ranked best first. */
    static RankedValues sorted(double[] values, Goal goal) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        if (goal == Goal.MAXIMIZE) {
            for (int i = 0, j = copy.length - 1; i < j; i++, j--) {
                double t = copy[i];
                copy[i] = copy[j];
                copy[j] = t;
            }
        }
        return new RankedValues(copy, goal);
    }

    int size() {
        return bestFirst.length;
    }

    /** The value ranked {@code index} (0 = best). */
    double nth(int index) {
        return bestFirst[index];
    }

    /** The median (the mean of the two middle values when there is an even number). */
    double median() {
        int n = bestFirst.length;
        return n % 2 == 1 ? bestFirst[n / 2] : (bestFirst[n / 2 - 1] + bestFirst[n / 2]) / 2;
    }

    /** Strictly worse for the goal: a tie is not worse. */
    boolean isWorse(double value, double than) {
        return goal.isBetter(than, value);
    }
}
