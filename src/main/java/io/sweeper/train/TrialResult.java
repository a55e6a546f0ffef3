package io.sweeper.train;

import java.nio.file.Path;

/**
 * How a trial ended: the best epoch by validation loss (whose weights were restored and saved), its
 * metrics, how many epochs ran, and why it stopped.
 */
public record TrialResult(EpochMetrics best, int epochsRun, StopReason stopReason, Path checkpoint) {

    public enum StopReason { MAX_EPOCHS, EARLY_STOPPING, STOPPED_BY_LISTENER }
}
