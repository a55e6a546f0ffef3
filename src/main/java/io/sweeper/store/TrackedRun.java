package io.sweeper.store;

import java.util.Objects;

/** An MLflow run created for a sweep or trial: found again by {@code runKey} after a restart. */
public record TrackedRun(String runKey, String experimentId, String runId) {
    public TrackedRun {
        Objects.requireNonNull(runKey, "runKey");
        Objects.requireNonNull(experimentId, "experimentId");
        Objects.requireNonNull(runId, "runId");
    }
}
