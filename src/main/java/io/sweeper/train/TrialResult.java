package io.sweeper.train;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How a trial ended: the best epoch by validation loss (whose weights were restored and saved), its
 * metrics, how many epochs ran, why it stopped, and — unless the listener stopped it — the CSV of
 * the best weights' confusion matrix on the validation set.
 */
public record TrialResult(EpochMetrics best, int epochsRun, StopReason stopReason, Path checkpoint,
        Optional<Path> confusion) {

    public enum StopReason { MAX_EPOCHS, EARLY_STOPPING, STOPPED_BY_LISTENER }
}
