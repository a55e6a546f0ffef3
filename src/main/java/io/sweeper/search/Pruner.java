package io.sweeper.search;

import io.sweeper.sweep.EarlyTerminate;
import io.sweeper.sweep.MetricGoal;
import io.sweeper.sweep.SweepSpec;
import java.util.Collection;
import java.util.Optional;

/**
 * Decides whether a running trial should stop early, after each iteration it records, in the
 * manner of Optuna's {@code BasePruner.prune}. Implementations are pure functions of the sweep's
 * {@code early_terminate}, its metric and the curves given: the sweep's state is its recorded
 * history, so a resumed sweep decides as the killed one would have.
 */
public interface Pruner {

    /**
     * Why {@code trial} should stop now, or empty to let it go on.
     *
     * @param trial   the trial's curve, including the iteration it has just recorded
     * @param others  every other trial of the sweep, in any state and any order
     */
    Optional<String> prune(MetricCurve trial, Collection<MetricCurve> others);

    /** The pruner the sweep's {@code early_terminate} asks for, if it has one. */
    static Optional<Pruner> forSpec(SweepSpec spec) {
        return spec.earlyTerminate().map(rule -> {
            MetricGoal metric = spec.metric().orElseThrow(); // SweepSpec requires one with early_terminate
            if (rule instanceof EarlyTerminate.Hyperband hyperband) {
                return new HyperbandPruner(hyperband, metric);
            }
            if (rule instanceof EarlyTerminate.Asha asha) {
                return new AshaPruner(asha, metric);
            }
            return new MedianPruner((EarlyTerminate.Median) rule, metric);
        });
    }
}
