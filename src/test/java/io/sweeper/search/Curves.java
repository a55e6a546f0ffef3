package io.sweeper.search;

import io.sweeper.sweep.TrialState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** Crafted sweep histories for the pruner tests: curves with epochs 1, 2, … */
final class Curves {
    private Curves() {
    }

    /** A pruner for a sweep whose metric is {@code loss} (minimize) or {@code acc} (maximize). */
    static Pruner pruner(String goal, String earlyTerminate) {
        String metric = goal.equals("maximize") ? "acc" : "loss";
        return Pruner.forSpec(Specs.parse("random", "metric: {name: " + metric + ", goal: " + goal + "}\n"
                + "early_terminate: " + earlyTerminate + "\n"
                + "parameters:\n  x: {values: [1, 2]}\n")).orElseThrow();
    }

    static MetricCurve curve(int number, TrialState state, double... values) {
        TreeMap<Integer, Double> byEpoch = new TreeMap<>();
        for (int i = 0; i < values.length; i++) {
            byEpoch.put(i + 1, values[i]);
        }
        return MetricCurve.of(number, state, byEpoch);
    }

    static MetricCurve running(int number, double... values) {
        return curve(number, TrialState.RUNNING, values);
    }

    static MetricCurve finished(int number, double... values) {
        return curve(number, TrialState.FINISHED, values);
    }

    /** Every value negated: the same history for the opposite goal. */
    static MetricCurve negated(MetricCurve curve) {
        double[] values = new double[curve.length()];
        for (int k = 1; k <= curve.length(); k++) {
            values[k - 1] = -curve.at(k);
        }
        return curve(curve.trialNumber(), curve.state(), values);
    }

    /** What the pruner says of {@code trial} with the rest of {@code sweep} as the others. */
    static Optional<String> decide(Pruner pruner, MetricCurve trial, Collection<MetricCurve> sweep) {
        List<MetricCurve> others = new ArrayList<>();
        for (MetricCurve curve : sweep) {
            if (curve.trialNumber() != trial.trialNumber()) {
                others.add(curve);
            }
        }
        return pruner.prune(trial, others);
    }
}
