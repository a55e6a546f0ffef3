package io.sweeper.train;

import java.nio.file.Path;

/**
 * Hears a trial's progress: every epoch's metrics and every new best checkpoint. Its answer lets a
 * sweep stop a hopeless trial (early termination) or a cancelled one.
 */
public interface EpochListener {
    enum Verdict { CONTINUE, STOP }

    Verdict onEpoch(EpochMetrics metrics);

    /** A new best checkpoint was written (after the epoch's {@link #onEpoch}). */
    default void onCheckpoint(int epoch, Path checkpoint) {
    }

    /** Called once per batch so a progress bar can move; {@code done} of {@code total} batches. */
    default void onBatch(int epoch, int done, int total) {
    }

    EpochListener NONE = metrics -> Verdict.CONTINUE;
}
