package io.sweeper.search;

import io.sweeper.sweep.EarlyTerminate;
import io.sweeper.sweep.MetricGoal;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * W&amp;B's Hyperband stopping rule ({@code wandb/sweeps}, {@code src/sweeps/hyperband_stopping.py}),
 * asked after every iteration rather than every few minutes. At the latest band the trial has
 * reached, the values every trial of the sweep (itself included, any state) recorded at that band
 * are sorted best first and the one at index ⌊n/eta⌋ is the cut; the trial stops when its value
 * is strictly worse than the cut. With {@code strict} its value is the one at the band, otherwise
 * its best so far. A trial alone at its band is its own cut and never stops.
 */
final class HyperbandPruner implements Pruner {
    private final EarlyTerminate.Hyperband rule;
    private final MetricGoal metric;
    private final List<Integer> bands;

    HyperbandPruner(EarlyTerminate.Hyperband rule, MetricGoal metric) {
        this.rule = rule;
        this.metric = metric;
        this.bands = rule.bands();
    }

    @Override
    public Optional<String> prune(MetricCurve trial, Collection<MetricCurve> others) {
        int band = 0;
        for (int b : bands) {
            if (b > trial.length()) {
                break;
            }
            band = b;
        }
        if (band == 0) {
            return Optional.empty();
        }
        RankedValues atBand = RankedValues.at(band, trial, others, metric.goal());
        double cut = atBand.nth((int) ((1.0 / rule.eta()) * atBand.size()));
        double value = rule.strict() ? trial.at(band) : trial.bestUpTo(trial.length(), metric.goal());
        if (!atBand.isWorse(value, cut)) {
            return Optional.empty();
        }
        String judged = rule.strict()
                ? metric.name() + " " + Numbers.text(value) + " at iteration " + band
                : "best " + metric.name() + " so far " + Numbers.text(value);
        return Optional.of(String.format(Locale.ROOT,
                "%s is worse than %s, the hyperband cut at iteration %d (top 1/%s of the %d trials that reached it)",
                judged, Numbers.text(cut), band, Numbers.text(rule.eta()), atBand.size()));
    }
}
