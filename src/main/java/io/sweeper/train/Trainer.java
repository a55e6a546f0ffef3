package io.sweeper.train;

import io.sweeper.SweeperException;
import io.sweeper.train.EpochListener.Verdict;
import io.sweeper.train.TrialResult.StopReason;
import io.sweeper.train.data.AugmentSpec;
import io.sweeper.train.data.BatchAssembler;
import io.sweeper.train.data.ImageTensors;
import io.sweeper.train.data.Split;
import io.sweeper.train.model.Network;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs one trial: data (shared, preprocessed once), split, network, then the epoch loop — Adam on
 * shuffled, augmented batches; validation; early stopping on val_loss with patience and
 * restore-best, as the notebook's Keras EarlyStopping; the best checkpoint saved whenever
 * val_loss improves, and a {@link ResumeState} after every epoch, from which a killed trial
 * continues. Reports every epoch to an {@link EpochListener}, which may stop the trial.
 * A trial that finishes (not stopped by the listener) ends with its best weights' confusion
 * matrix on the validation set, in {@value #CONFUSION_CSV} beside the checkpoint.
 */
public final class Trainer {
    /** Validation batches are larger: inference needs no gradients. */
    private static final int EVAL_BATCH = 512;
    /** Beside the checkpoint folder: the best weights' confusion matrix on the validation set. */
    public static final String CONFUSION_CSV = "confusion.csv";

    /** The best checkpoint's folder inside a trial's folder. */
    static final String CHECKPOINT = "checkpoint";

    private final Datasets datasets;

    public Trainer(Datasets datasets) {
        this.datasets = datasets;
    }

    /** The trial's data after {@code max_classes}/{@code max_per_class} and the split. */
    public record TrialData(ImageTensors tensors, int classes, int[] train, int[] validation) {
    }

    public TrialData prepare(TrialConfig config) {
        ImageTensors tensors = datasets.load(config.data(), config.pipeline()).tensors();
        int classes = config.maxClasses() > 0 ? Math.min(config.maxClasses(), tensors.labelMap().size())
                : tensors.labelMap().size();
        int[] subset = subset(tensors.labels(), classes, config.maxPerClass());
        int[] subsetLabels = Arrays.stream(subset).map(tensors::label).toArray();
        Split split = config.stratifiedSplit()
                ? Split.stratified(subsetLabels, config.valFraction(), config.seed())
                : Split.keras(subsetLabels, config.valFraction());
        int[] train = Arrays.stream(split.train()).map(i -> subset[i]).toArray();
        int[] validation = Arrays.stream(split.validation()).map(i -> subset[i]).toArray();
        if (train.length < 2 || validation.length == 0) {
            throw new SweeperException(config.data() + ": too few images for training and validation ("
                    + train.length + " / " + validation.length + "); use more images per class or a larger val_fraction");
        }
        return new TrialData(tensors, classes, train, validation);
    }

    public TrialResult run(TrialConfig config, Path outDir, EpochListener listener) {
        return run(config, outDir, listener, Optional.empty());
    }

    /**
     * Runs the trial, or continues it after the epoch of {@code resume} (a state of this
     * configuration saved in {@code outDir}, see {@link ResumeState#read}): the epochs that follow
     * are those an uninterrupted run would have had (exactly so with one thread). At the end of
     * every epoch, after the listener heard of it, the trial's {@link ResumeState} is saved.
     */
    public TrialResult run(TrialConfig config, Path outDir, EpochListener listener, Optional<ResumeState> resume) {
        TrialData data = prepare(config);
        Threads.use(config.threads());
        Network network = Network.build(config.modelSpec(data.classes(), data.tensors().pipeline().inputSize()),
                config.learningRate());
        AugmentSpec augment = config.augmentation();
        Path checkpointDir = outDir.resolve(CHECKPOINT);

        resume.ifPresent(state -> network.restore(state.training()));
        if (resume.isPresent() && resume.get().best().epoch() == resume.get().epoch()) {
            // The last saved epoch was the best: the kill may have come before its checkpoint was
            // (wholly) written or recorded; its weights are the state's, so write and report it again.
            writeCheckpoint(checkpointDir, network, config, data, resume.get().best());
            listener.onCheckpoint(resume.get().epoch(), checkpointDir);
        }
        EarlyStopping earlyStopping = resume.map(state -> state.earlyStopping(config.patience()))
                .orElseGet(() -> new EarlyStopping(config.patience()));
        EpochMetrics best = resume.map(ResumeState::best).orElse(null);
        int epoch = resume.map(ResumeState::epoch).orElse(0);
        StopReason reason = StopReason.MAX_EPOCHS;
        while (epoch < config.epochs() && !earlyStopping.shouldStop()) {
            epoch++;
            long start = System.nanoTime();
            EpochSeeds seeds = new EpochSeeds(config.seed(), epoch);
            network.startEpoch(seeds.dropout());
            SplittableRandom augmentRandom = seeds.augmentation();
            int[] order = shuffled(data.train(), seeds.shuffle());
            int batches = batchCount(order.length, config.batchSize());
            double lossSum = 0;
            int correct = 0;
            int seen = 0;
            for (int b = 0; b < batches; b++) {
                int from = b * config.batchSize();
                int[] batch = Arrays.copyOfRange(order, from, Math.min(order.length, from + config.batchSize()));
                Network.Step step = network.trainStep(inputs(data, batch, augment, augmentRandom),
                        oneHot(data, batch), epoch);
                lossSum += step.loss() * batch.length;
                correct += step.correct();
                seen += batch.length;
                listener.onBatch(epoch, b + 1, batches);
            }
            double trainSeconds = (System.nanoTime() - start) / 1e9;
            double[] val = evaluate(network, data);
            EpochMetrics metrics = new EpochMetrics(epoch, lossSum / seen, (double) correct / seen, val[0], val[1],
                    (System.nanoTime() - start) / 1e9, seen / trainSeconds);
            // NaN never improves; the first epoch is kept whatever it is, so there is always a best.
            boolean improved = earlyStopping.improved(metrics.valLoss()) || best == null;
            if (improved) {
                best = metrics;
            }
            // The order makes every kill resumable. The listener (the store) records the epoch
            // first, so it never has fewer epochs than the state: killed before the state is
            // written, the trial resumes one epoch earlier and redoes this one. The state comes
            // before the checkpoint: killed between the two, the state holds this epoch's weights,
            // which are the best, and resuming writes the checkpoint from them (see below).
            Verdict verdict = listener.onEpoch(metrics);
            writeResumeState(outDir, config, new ResumeState(epoch, network.trainingState(), earlyStopping.best(),
                    earlyStopping.sinceBest(), best));
            if (improved) {
                writeCheckpoint(checkpointDir, network, config, data, metrics);
                listener.onCheckpoint(epoch, checkpointDir);
            }
            if (verdict == Verdict.STOP) {
                reason = StopReason.STOPPED_BY_LISTENER;
                break;
            }
        }
        if (reason == StopReason.MAX_EPOCHS && earlyStopping.shouldStop()) {
            reason = StopReason.EARLY_STOPPING;
        }
        // A stopped trial (pruned, cancelled) ends at once; a finished one pays one validation pass.
        Optional<Path> confusion = reason == StopReason.STOPPED_BY_LISTENER ? Optional.empty()
                : Optional.of(writeConfusion(outDir.resolve(CONFUSION_CSV), checkpointDir, network, data));
        return new TrialResult(best, epoch, reason, checkpointDir, confusion);
    }

    /** The confusion matrix of the best weights (read back from their checkpoint). */
    private static Path writeConfusion(Path file, Path checkpointDir, Network network, TrialData data) {
        try {
            network.load(checkpointDir.resolve(Checkpoint.WEIGHTS));
            Evaluation.ofValidation(network, data).writeConfusionCsv(file, data.tensors().labelMap());
            return file;
        } catch (IOException e) {
            throw new SweeperException("cannot write the confusion matrix to " + file + ": " + e.getMessage()
                    + " (check free space and permissions)", e);
        }
    }

    /** [val_loss, val_accuracy] over the whole validation set, with the inference pass. */
    private static double[] evaluate(Network network, TrialData data) {
        double lossSum = 0;
        int correct = 0;
        int[] val = data.validation();
        for (int from = 0; from < val.length; from += EVAL_BATCH) {
            int[] batch = Arrays.copyOfRange(val, from, Math.min(val.length, from + EVAL_BATCH));
            INDArray labels = oneHot(data, batch);
            INDArray probs = network.predict(inputs(data, batch, AugmentSpec.none(), null));
            lossSum += Network.crossEntropy(probs, labels) * batch.length;
            correct += Network.correct(probs, labels);
        }
        return new double[] {lossSum / val.length, (double) correct / val.length};
    }

    private static void writeResumeState(Path dir, TrialConfig config, ResumeState state) {
        try {
            state.write(dir, config);
        } catch (IOException e) {
            throw new SweeperException("cannot write the resume state to " + dir.resolve(ResumeState.FILE) + ": "
                    + e.getMessage() + " (check free space and permissions)", e);
        }
    }

    private static void writeCheckpoint(Path dir, Network network, TrialConfig config, TrialData data, EpochMetrics metrics) {
        try {
            Checkpoint.write(dir, network, config, data.tensors().labelMap(), metrics);
        } catch (IOException e) {
            throw new SweeperException("cannot write the checkpoint to " + dir + ": " + e.getMessage()
                    + " (check free space and permissions)", e);
        }
    }

    static INDArray inputs(TrialData data, int[] batch, AugmentSpec augment, SplittableRandom random) {
        int size = data.tensors().pipeline().inputSize();
        float[] pixels = BatchAssembler.images(data.tensors(), batch, augment, random);
        return Nd4j.create(pixels, new long[] {batch.length, 1, size, size}, 'c');
    }

    static INDArray oneHot(TrialData data, int[] batch) {
        INDArray y = Nd4j.zeros(DataType.FLOAT, batch.length, data.classes());
        for (int i = 0; i < batch.length; i++) {
            y.putScalar(i, data.tensors().label(batch[i]), 1f);
        }
        return y;
    }

    /** Batches per epoch; a last batch of one image is dropped (batch norm needs two). */
    static int batchCount(int images, int batchSize) {
        int full = images / batchSize;
        int rest = images % batchSize;
        return full + (rest >= 2 ? 1 : 0);
    }

    private static int[] shuffled(int[] items, SplittableRandom random) {
        int[] out = items.clone();
        for (int i = out.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
        return out;
    }

    /** Indices of the first {@code perClass} images (file order) of each of the first {@code classes} classes. */
    static int[] subset(int[] labels, int classes, int perClass) {
        int[] taken = new int[classes];
        return java.util.stream.IntStream.range(0, labels.length)
                .filter(i -> labels[i] < classes && (perClass == 0 || taken[labels[i]]++ < perClass))
                .toArray();
    }
}
