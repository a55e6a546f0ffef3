package io.sweeper.sweep;

import java.util.Objects;
import java.util.Optional;

/**
 * The sweep file's {@code metric}: which logged metric a trial is judged by, and whether lower
 * or higher is better ({@code minimize} when the file does not say, as in W&amp;B).
 *
 * @param target once any trial reaches it, the sweep starts no new trials (W&amp;B semantics)
 * @param impute what Bayesian search will assume for failed trials ({@code worst} by default)
 */
public record MetricGoal(String name, Goal goal, Optional<Double> target, Impute impute) {

    public enum Impute {
        LATEST, BEST, WORST;

        public String yamlName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public MetricGoal {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(goal, "goal");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(impute, "impute");
        if (name.isBlank()) {
            throw new InvalidSpecException("name", "must name the metric to optimise, got an empty name");
        }
    }

    /** Whether {@code value} is at or beyond the target, in the goal's direction. */
    public boolean reachesTarget(double value) {
        return target.map(t -> goal == Goal.MINIMIZE ? value <= t : value >= t).orElse(false);
    }
}
