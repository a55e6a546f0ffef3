package io.sweeper.search;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.sweeper.sweep.SweepSpec;

/**
 * Chooses the next trial's configuration. Implementations are pure: the answer depends only on
 * the arguments and the method's own fixed settings (such as a seed), never on I/O or time.
 */
public interface SearchMethod {

    /**
     * The next trial's configuration — a map from parameter names to values, nested maps for
     * nested parameters — or empty when the sweep should start no more trials: the space is
     * exhausted, {@code run_cap} trials exist, or a trial has reached {@code metric.target}.
     *
     * @param history every trial of the sweep so far, in any order and any state
     */
    Optional<Map<String, Object>> suggest(SweepSpec spec, List<TrialRecord> history);
}
