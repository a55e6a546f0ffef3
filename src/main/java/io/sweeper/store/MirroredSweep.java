package io.sweeper.store;

import java.util.Objects;

/**
 * A sweep that is mirrored into MLflow: the tracking server it was created with (no credentials),
 * and the random prefix of its runs' {@code sweeper.run_key} tags.
 */
public record MirroredSweep(long sweepId, String trackingUri, String runKeyPrefix) {
    public MirroredSweep {
        Objects.requireNonNull(trackingUri, "trackingUri");
        Objects.requireNonNull(runKeyPrefix, "runKeyPrefix");
    }

    /** The key of the sweep's parent run. */
    public String sweepRunKey() {
        return runKeyPrefix + "/sweep";
    }

    /** The key of a trial's child run. */
    public String trialRunKey(long trialId) {
        return runKeyPrefix + "/trial-" + trialId;
    }
}
