package io.sweeper.cli;

import io.sweeper.train.EpochListener;
import io.sweeper.train.EpochMetrics;
import io.sweeper.train.MetricsLog;
import io.sweeper.train.TrialResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * What {@code train} shows: a progress bar over each epoch's batches (on a terminal), one line per
 * epoch, a final line; and the per-epoch metrics written to {@code DIR/metrics.jsonl}.
 */
final class EpochPrinter implements EpochListener, AutoCloseable {
    private final int maxEpochs;
    private final boolean bars;
    private final MetricsLog log;
    private final PrintStream out = System.out;
    private ProgressBar bar;

    /** @param afterEpoch the epoch a resumed training continues after (its log keeps the lines up to it), or 0 */
    EpochPrinter(int maxEpochs, boolean progress, Path outDir, int afterEpoch) {
        this.maxEpochs = maxEpochs;
        this.bars = progress && System.console() != null;
        this.log = new MetricsLog(outDir.resolve("metrics.jsonl"), afterEpoch);
    }

    @Override
    public void onBatch(int epoch, int done, int total) {
        if (!bars) {
            return;
        }
        if (bar == null) {
            bar = new ProgressBarBuilder().setTaskName("epoch " + epoch + "/" + maxEpochs).setInitialMax(total)
                    .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(System.err))
                    .continuousUpdate().build();
        }
        bar.stepTo(done);
    }

    @Override
    public Verdict onEpoch(EpochMetrics m) {
        close();
        out.printf(Locale.ROOT, "epoch %d/%d  loss %.4f  accuracy %.4f  val_loss %.4f  val_accuracy %.4f  %.1f s  %.0f images/s%n",
                m.epoch(), maxEpochs, m.loss(), m.accuracy(), m.valLoss(), m.valAccuracy(), m.seconds(), m.imagesPerSecond());
        return log.onEpoch(m);
    }

    void finish(TrialResult result) {
        EpochMetrics best = result.best();
        out.printf(Locale.ROOT, "best epoch %d of %d: val_accuracy %.4f, val_loss %.4f (%s); checkpoint %s%n",
                best.epoch(), result.epochsRun(), best.valAccuracy(), best.valLoss(),
                result.stopReason().name().toLowerCase(Locale.ROOT).replace('_', ' '), result.checkpoint());
        result.confusion().ifPresent(csv -> out.println("confusion matrix (validation set): " + csv));
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
