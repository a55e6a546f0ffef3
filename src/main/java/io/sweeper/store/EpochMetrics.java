package io.sweeper.store;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** The metrics of one epoch of one trial, by name (sorted); NaN is kept, it marks divergence. */
public record EpochMetrics(int epoch, Map<String, Double> values) {
    public EpochMetrics {
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must be >= 0, got " + epoch);
        }
        Objects.requireNonNull(values, "values");
        values.forEach((name, value) -> {
            Objects.requireNonNull(name, "metric name");
            Objects.requireNonNull(value, () -> "value of metric " + name);
        });
        values = Collections.unmodifiableMap(new TreeMap<>(values));
    }
}
