package io.sweeper.search;

import java.util.List;

import io.sweeper.sweep.SweepSpec;

/**
 * The W&amp;B rules that end a sweep whatever the search method: {@code run_cap} counts every trial
 * created, in any state; {@code metric.target} ends it once any trial's best value reaches it.
 */
final class SweepLimits {
    private SweepLimits() {
    }

    static boolean reached(SweepSpec spec, List<TrialRecord> history) {
        boolean capped = spec.runCap().map(cap -> history.size() >= cap).orElse(false);
        boolean targetReached = spec.metric()
                .map(metric -> history.stream().flatMap(t -> t.bestValue().stream()).anyMatch(metric::reachesTarget))
                .orElse(false);
        return capped || targetReached;
    }
}
