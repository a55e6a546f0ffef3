package io.sweeper.exec;

import io.sweeper.SweeperException;
import io.sweeper.train.Datasets;
import io.sweeper.train.EpochListener;
import io.sweeper.train.EpochMetrics;
import io.sweeper.train.MetricsLog;
import io.sweeper.train.ResumeState;
import io.sweeper.train.TrialConfig;
import io.sweeper.train.TrialParameter;
import io.sweeper.train.TrialResult;
import io.sweeper.train.Trainer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code program: train}: the built-in DL4J trainer. One instance serves a whole pool, so every
 * trial shares one in-memory copy of each preprocessed data set. A trial run again (after a kill or
 * Ctrl-C) continues after the last epoch of its {@link ResumeState} where it has a usable one.
 */
public final class BuiltInTrainerRunner implements TrialRunner {
    /** The metrics the trainer reports each epoch; a sweep's metric must be one of them. */
    public static final List<String> METRICS = List.of("loss", "accuracy", "val_loss", "val_accuracy");
    private static final Logger LOG = LoggerFactory.getLogger(BuiltInTrainerRunner.class);

    private final Trainer trainer;

    public BuiltInTrainerRunner(Datasets datasets) {
        this.trainer = new Trainer(datasets);
    }

    @Override
    public End run(Map<String, Object> params, TrialContext context) {
        Map<String, Object> values = new LinkedHashMap<>(params);
        values.put(TrialParameter.THREADS.key(), context.threads()); // the pool's share, not the file's
        TrialConfig config = TrialConfig.of(values, "trial parameters");
        Optional<ResumeState> resume = resumeState(config, context);
        MetricsLog log = new MetricsLog(context.outDir().resolve("metrics.jsonl"), resume.map(ResumeState::epoch).orElse(0));
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
        }, resume);
        if (result.best() == null) {
            throw new SweeperException("the trial ended before its first epoch");
        }
        result.confusion().ifPresent(context::reportConfusionMatrix);
        return result.stopReason() == TrialResult.StopReason.STOPPED_BY_LISTENER ? End.STOPPED : End.FINISHED;
    }

    /**
     * The state an earlier attempt saved in the trial's folder, if it is usable and the store has
     * every epoch up to it (an attempt that lost its lease may have saved a state past what it
     * could record; continuing from there would leave a gap).
     */
    private static Optional<ResumeState> resumeState(TrialConfig config, TrialContext context) {
        Optional<ResumeState> state = ResumeState.read(context.outDir(), config);
        if (state.isPresent() && state.get().epoch() > context.lastRecordedEpoch()) {
            LOG.warn("{}: its resume state is of epoch {} but the store has epochs up to {}; the trial starts over",
                    context.outDir(), state.get().epoch(), context.lastRecordedEpoch());
            return Optional.empty();
        }
        state.ifPresent(s -> LOG.info("{}: continuing after epoch {}", context.outDir(), s.epoch()));
        return state;
    }
}
