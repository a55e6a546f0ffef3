package io.sweeper.exec;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Map;

/** What a running trial can tell the engine, and ask of it. */
public interface TrialContext {
    /** The trial's own folder for checkpoints and logs. */
    Path outDir();

    /** Intra-op threads this trial may use (its share of the cores). */
    int threads();

    /**
     * The last epoch that earlier attempts of this trial recorded (0 on its first attempt). The
     * trial's folder is the same for every attempt, so a runner that saved its state there after
     * an epoch up to this one may continue after it instead of starting over.
     */
    int lastRecordedEpoch();

    /**
     * Records one epoch's metrics; false means stop now: cancelled, a lease lost, or the sweep's
     * {@code early_terminate} pruned the trial (it stays false once said). The first epoch an
     * attempt reports, e, replaces what earlier attempts recorded from e on (the attempt
     * continues after e − 1, or starts over at 1).
     */
    boolean reportEpoch(int epoch, Map<String, Double> metrics);

    /**
     * When the sweep's {@code trial_timeout} runs out for this attempt, if it has one. A runner
     * that can stop its trial at any moment (a process) stops it then and throws
     * {@link TrialTimedOut}; {@link #reportEpoch} answers stop from then on anyway.
     */
    default Optional<Instant> deadline() {
        return Optional.empty();
    }

    /** Records that the trial's best checkpoint (a file or folder) was written at an epoch. */
    void reportCheckpoint(int epoch, Path checkpoint);

    /**
     * Records the CSV of the trial's final confusion matrix (actual × predicted counts, labels in
     * the header row and first column, as {@code sweeper eval} writes it), for tracking to plot.
     */
    void reportConfusionMatrix(Path csv);
}
