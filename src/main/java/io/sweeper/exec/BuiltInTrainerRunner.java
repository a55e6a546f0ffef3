package io.sweeper.exec;

import io.sweeper.SweeperException;
import io.sweeper.train.Datasets;
import io.sweeper.train.EpochListener;
import io.sweeper.train.EpochMetrics;
import io.sweeper.train.MetricsLog;
import io.sweeper.train.TrialConfig;
import io.sweeper.train.TrialParameter;
import io.sweeper.train.TrialResult;
import io.sweeper.train.Trainer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code program: train}: the built-in DL4J trainer. One instance serves a whole pool, so every
 * trial shares one in-memory copy of each preprocessed data set.
 */
public final class BuiltInTrainerRunner implements TrialRunner {
    /** The metrics the trainer reports each epoch; a sweep's metric must be one of them. */
    public static final List<String> METRICS = List.of("loss", "accuracy", "val_loss", "val_accuracy");

    private final Trainer trainer;

    public BuiltInTrainerRunner(Datasets datasets) {
        this.trainer = new Trainer(datasets);
    }

    @Override
    public End run(Map<String, Object> params, TrialContext context) {
        Map<String, Object> values = new LinkedHashMap<>(params);
        values.put(TrialParameter.THREADS.key(), context.threads()); // the pool's share, not the file's
        TrialConfig config = TrialConfig.of(values, "trial parameters");
        MetricsLog log = new MetricsLog(context.outDir().resolve("metrics.jsonl"));
        TrialResult result = trainer.run(config, context.outDir(), new EpochListener() {
            @Override
            public Verdict onEpoch(EpochMetrics metrics) {
                log.onEpoch(metrics);
                return context.reportEpoch(metrics.epoch(), metrics.byName()) ? Verdict.CONTINUE : Verdict.STOP;
            }

            @Override
            public void onCheckpoint(int epoch, Path checkpoint) {
                context.reportCheckpoint(epoch, checkpoint);
            }
        });
        if (result.best() == null) {
            throw new SweeperException("the trial ended before its first epoch");
        }
        result.confusion().ifPresent(context::reportConfusionMatrix);
        return result.stopReason() == TrialResult.StopReason.STOPPED_BY_LISTENER ? End.STOPPED : End.FINISHED;
    }
}
