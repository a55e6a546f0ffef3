package io.sweeper.store;

import java.util.Map;
import java.util.Objects;

/**
 * What {@link Store#createSweep} needs to mirror a new sweep into MLflow: the tracking server's URI
 * (without credentials) and the sweep's fixed parameters, logged as the parent run's params.
 */
public record TrackingTarget(String trackingUri, Map<String, String> fixedParams) {
    public TrackingTarget {
        Objects.requireNonNull(trackingUri, "trackingUri");
        fixedParams = Map.copyOf(fixedParams);
    }
}
