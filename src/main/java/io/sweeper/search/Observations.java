package io.sweeper.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import io.sweeper.sweep.Goal;
import io.sweeper.sweep.MetricGoal;
import io.sweeper.sweep.SweepSpec;
import io.sweeper.sweep.TrialState;

/**
 * A sweep's history as Bayesian search learns from it: points of the {@link UnitCube} with a loss
 * (the metric, negated when the goal is maximize, so lower is always better), and the points of
 * trials still pending, whose outcome the engines impute. Following W&amp;B's Bayesian search:
 * <ul>
 *   <li>a trial with a value (finished, pruned, or running and reporting) is observed at its best value;</li>
 *   <li>a failed trial, a finished one without a value, and a non-finite value are imputed by
 *       {@code metric.impute}: {@code worst} (the default) the worst value any trial reached, so the
 *       search keeps away from configurations that break; {@code best} and {@code latest} the
 *       trial's own best value when it has one (the history holds no latest value), else the worst;</li>
 *   <li>a running or queued trial without a value is pending;</li>
 *   <li>a cancelled trial, and one whose configuration the sweep can no longer produce (the file
 *       was edited), teach nothing and are left out.</li>
 * </ul>
 * Trials are taken in number order, so the order the history arrives in does not matter.
 */
record Observations(List<double[]> points, List<Double> losses, List<double[]> pending) {

    Observations {
        points = List.copyOf(points);
        losses = List.copyOf(losses);
        pending = List.copyOf(pending);
        if (points.size() != losses.size()) {
            throw new IllegalArgumentException(points.size() + " points but " + losses.size() + " losses");
        }
    }

    static Observations of(SweepSpec spec, UnitCube cube, List<TrialRecord> history) {
        MetricGoal metric = spec.metric().orElseThrow(() -> new IllegalArgumentException("bayes search needs a metric"));
        double sign = metric.goal() == Goal.MAXIMIZE ? -1 : 1;
        List<TrialRecord> trials = history.stream().sorted(Comparator.comparingInt(TrialRecord::number)).toList();
        OptionalDouble worst = trials.stream().flatMap(t -> t.bestValue().stream())
                .filter(Double::isFinite).mapToDouble(v -> sign * v).max();
        List<double[]> points = new ArrayList<>();
        List<Double> losses = new ArrayList<>();
        List<double[]> pending = new ArrayList<>();
        for (TrialRecord trial : trials) {
            Optional<double[]> point = cube.point(trial.params());
            if (point.isEmpty() || trial.state() == TrialState.CANCELLED) {
                continue;
            }
            Optional<Double> value = trial.bestValue().filter(Double::isFinite);
            boolean failed = trial.state() == TrialState.FAILED;
            if (value.isPresent() && !(failed && metric.impute() == MetricGoal.Impute.WORST)) {
                points.add(point.get());
                losses.add(sign * value.get());
            } else if (!failed && trial.bestValue().isEmpty()
                    && (trial.state() == TrialState.RUNNING || trial.state() == TrialState.QUEUED)) {
                pending.add(point.get());
            } else if (worst.isPresent()) {
                points.add(point.get());
                losses.add(worst.getAsDouble());
            }
        }
        return new Observations(points, losses, pending);
    }

    int size() {
        return points.size();
    }

    double bestLoss() {
        return losses.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }
}
