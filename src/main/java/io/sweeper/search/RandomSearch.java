package io.sweeper.search;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.sweeper.sweep.ParameterSpec;
import io.sweeper.sweep.SweepSpec;

/**
 * Samples every parameter from its distribution, as W&amp;B's random search does: each value is the
 * distribution's quantile of a uniform draw. The draws come from {@link TrialRandom}, so the same
 * seed gives the same trials and trial i's configuration is a function of (seed, i) alone. Like
 * W&amp;B's, it never runs out: a sweep without {@code run_cap} or {@code metric.target} goes on
 * until stopped.
 */
public final class RandomSearch implements SearchMethod {
    private final long seed;

    public RandomSearch(long seed) {
        this.seed = seed;
    }

    @Override
    public Optional<Map<String, Object>> suggest(SweepSpec spec, List<TrialRecord> history) {
        if (SweepLimits.reached(spec, history)) {
            return Optional.empty();
        }
        return Optional.of(configuration(spec, TrialRecord.nextNumber(history)));
    }

    /** The configuration trial {@code trialNumber} gets. */
    public Map<String, Object> configuration(SweepSpec spec, int trialNumber) {
        return ParameterSpec.configuration(spec.parameters(),
                leaf -> leaf.distribution().quantile(TrialRandom.uniform(seed, trialNumber, leaf.path())));
    }
}
