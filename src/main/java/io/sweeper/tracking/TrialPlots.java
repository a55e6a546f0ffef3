package io.sweeper.tracking;

import io.sweeper.SweeperException;
import io.sweeper.store.EpochMetrics;
import io.sweeper.store.Store;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pictures of an ended trial for its MLflow run: its learning curve from the recorded epochs
 * and, for a trial that finished, its confusion matrix. They are drawn into the trial's folder and
 * handed to the outbox, which uploads them with the run's other writes; a sweep that is not
 * mirrored draws nothing.
 */
public final class TrialPlots {
    private static final Logger LOG = LoggerFactory.getLogger(TrialPlots.class);
    /** Where in the run's artifacts the pictures go. */
    static final String ARTIFACT_DIR = "plots";

    private TrialPlots() {
    }

    /**
     * Draws and attaches the trial's plots. A picture that cannot be drawn (a full disk, a broken
     * CSV) costs a warning, never the trial: the numbers are in the store and the mirror anyway.
     */
    public static void attach(Store store, long sweepId, long trialId, String title, Path trialDir,
            Optional<Path> confusionCsv) {
        if (store.trackingOutbox().mirroring(sweepId).isEmpty()) {
            return;
        }
        List<Path> files = new ArrayList<>(2);
        try {
            List<EpochMetrics> epochs = store.metrics(trialId);
            if (!epochs.isEmpty()) {
                Path curve = trialDir.resolve("learning-curve.png");
                LearningCurveChart.writePng(title, epochs, curve);
                files.add(curve);
            }
            if (confusionCsv.isPresent()) {
                Path matrix = trialDir.resolve("confusion-matrix.png");
                ConfusionMatrixChart.writePng(title, ConfusionMatrix.readCsv(confusionCsv.get()), matrix);
                files.add(matrix);
            }
        } catch (IOException | SweeperException e) {
            LOG.warn("{}: plots not drawn for MLflow: {}", title, e.getMessage());
        }
        if (!files.isEmpty()) {
            store.trackingOutbox().attachFiles(sweepId, Optional.of(trialId), files, ARTIFACT_DIR);
        }
    }
}
