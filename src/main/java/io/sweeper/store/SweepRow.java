package io.sweeper.store;

import io.sweeper.sweep.Goal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A sweep as stored: its sweep file verbatim, the metric it optimises, and where it is. */
public record SweepRow(
        long id,
        String name,
        String specYaml,
        String method,
        String metricName,
        Goal goal,
        SweepState state,
        Instant createdAt,
        Optional<Instant> endedAt) {
    public SweepRow {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(specYaml, "specYaml");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(metricName, "metricName");
        Objects.requireNonNull(goal, "goal");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(endedAt, "endedAt");
    }
}
