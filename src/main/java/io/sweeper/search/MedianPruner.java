package io.sweeper.search;

import io.sweeper.sweep.EarlyTerminate;
import io.sweeper.sweep.MetricGoal;
import io.sweeper.sweep.TrialState;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * The median stopping rule of Google Vizier (Golovin et al., KDD 2017, section 3.2.2): a trial at
 * iteration t stops when its best value so far is strictly worse than the median of the running
 * averages, over iterations 1..t, of the finished trials that reached t. As Optuna's
 * {@code MedianPruner} ({@code optuna/pruners/_percentile.py}) it waits for {@code min_trials}
 * finished trials and for iteration {@code min_iter}; Optuna compares with the others' values at
 * t rather than their running averages, Vizier's rule is kept here because one lucky epoch of a
 * finished trial does not move it.
 */
final class MedianPruner implements Pruner {
    private final EarlyTerminate.Median rule;
    private final MetricGoal metric;

    MedianPruner(EarlyTerminate.Median rule, MetricGoal metric) {
        this.rule = rule;
        this.metric = metric;
    }

    @Override
    public Optional<String> prune(MetricCurve trial, Collection<MetricCurve> others) {
        int t = trial.length();
        if (t == 0 || t < rule.minIter()) {
            return Optional.empty();
        }
        long finished = others.stream().filter(o -> o.state() == TrialState.FINISHED).count();
        if (finished < rule.minTrials()) {
            return Optional.empty();
        }
        double[] averages = others.stream()
                .filter(o -> o.state() == TrialState.FINISHED && o.length() >= t)
                .mapToDouble(o -> o.meanUpTo(t))
                .toArray();
        if (averages.length == 0) {
            return Optional.empty();
        }
        RankedValues ranked = RankedValues.sorted(averages, metric.goal());
        double median = ranked.median();
        double best = trial.bestUpTo(t, metric.goal());
        if (!ranked.isWorse(best, median)) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT,
                "best %s %s by iteration %d is worse than %s, the median of %d finished trials' running averages",
                metric.name(), Numbers.text(best), t, Numbers.text(median), averages.length));
    }
}
