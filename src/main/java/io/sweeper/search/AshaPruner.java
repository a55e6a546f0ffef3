package io.sweeper.search;

import io.sweeper.sweep.EarlyTerminate;
import io.sweeper.sweep.MetricGoal;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Asynchronous successive halving (Li et al., "A System for Massively Parallel Hyperparameter
 * Tuning", MLSys 2020, arXiv:1810.05934) as a stopping rule, with Optuna's promotion test
 * ({@code optuna/pruners/_successive_halving.py}): when a trial completes a rung it is compared
 * with the values every trial (itself included) recorded at that rung so far, ranked best first;
 * it goes on only if it is no worse than the one at index ⌊n/eta⌋ − 1 (the best one while fewer
 * than eta trials reached the rung). Decided once per rung, when the trial reaches it.
 */
final class AshaPruner implements Pruner {
    private final EarlyTerminate.Asha rule;
    private final MetricGoal metric;
    private final List<Integer> rungs;

    AshaPruner(EarlyTerminate.Asha rule, MetricGoal metric) {
        this.rule = rule;
        this.metric = metric;
        this.rungs = rule.rungs();
    }

    @Override
    public Optional<String> prune(MetricCurve trial, Collection<MetricCurve> others) {
        int rung = trial.length();
        if (rung == 0 || !rungs.contains(rung)) {
            return Optional.empty();
        }
        RankedValues atRung = RankedValues.at(rung, trial, others, metric.goal());
        int promoted = Math.max(1, (int) Math.floor(atRung.size() / rule.eta()));
        double cut = atRung.nth(promoted - 1);
        double value = trial.at(rung);
        if (!atRung.isWorse(value, cut)) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT,
                "%s %s at rung %d is worse than %s, the cut for the top %d of %d trials (asha, eta %s)",
                metric.name(), Numbers.text(value), rung, Numbers.text(cut), promoted, atRung.size(),
                Numbers.text(rule.eta())));
    }
}
