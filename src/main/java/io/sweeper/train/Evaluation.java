package io.sweeper.train;

import io.sweeper.SweeperException;
import io.sweeper.train.data.AugmentSpec;
import io.sweeper.train.data.BatchAssembler;
import io.sweeper.train.data.ImageTensors;
import io.sweeper.train.data.LabelMap;
import io.sweeper.train.model.Network;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntUnaryOperator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** A checkpoint's confusion matrix on a labelled image set, and the accuracies read from it. */
public final class Evaluation {
    private static final int BATCH = 512;
    private final long[][] confusion;

    private Evaluation(long[][] confusion) {
        this.confusion = confusion;
    }

    /**
     * Predicts every image; the image set's class folders are matched to the checkpoint's by
     * folder name, so a subset of classes (or another order) evaluates correctly.
     */
    public static Evaluation of(Checkpoint.Loaded model, ImageTensors images) {
        LabelMap trained = model.labels();
        int[] toTrained = new int[images.labelMap().size()];
        for (int c = 0; c < toTrained.length; c++) {
            String folder = images.labelMap().folder(c);
            toTrained[c] = trained.indexOfFolder(folder).orElseThrow(() -> new SweeperException(
                    "class folder '" + folder + "' was not among the checkpoint's classes ("
                            + String.join(", ", trained.folders()) + ")"));
        }
        int[] all = java.util.stream.IntStream.range(0, images.count()).toArray();
        return new Evaluation(confusion(model.network(), images, all, c -> toTrained[c], trained.size()));
    }

    /**
     * The network (a trial's restored best weights) on the trial's validation images: the
     * confusion matrix that goes with the trial's best val_accuracy.
     */
    static Evaluation ofValidation(Network network, Trainer.TrialData data) {
        return new Evaluation(confusion(network, data.tensors(), data.validation(), c -> c, data.classes()));
    }

    /** Counts (actual, predicted) over {@code indices}; {@code toTrained} maps an image's label to the network's class. */
    private static long[][] confusion(Network network, ImageTensors images, int[] indices, IntUnaryOperator toTrained,
            int classes) {
        long[][] confusion = new long[classes][classes];
        int size = images.pipeline().inputSize();
        for (int from = 0; from < indices.length; from += BATCH) {
            int[] batch = Arrays.copyOfRange(indices, from, Math.min(indices.length, from + BATCH));
            INDArray x = Nd4j.create(BatchAssembler.images(images, batch, AugmentSpec.none(), null),
                    new long[] {batch.length, 1, size, size}, 'c');
            INDArray predicted = network.predict(x).argMax(1);
            for (int i = 0; i < batch.length; i++) {
                confusion[toTrained.applyAsInt(images.label(batch[i]))][predicted.getInt(i)]++;
            }
        }
        return confusion;
    }

    public int classes() {
        return confusion.length;
    }

    public long total() {
        return Arrays.stream(confusion).flatMapToLong(Arrays::stream).sum();
    }

    public double accuracy() {
        long right = 0;
        for (int c = 0; c < confusion.length; c++) {
            right += confusion[c][c];
        }
        return (double) right / total();
    }

    public long classTotal(int c) {
        return Arrays.stream(confusion[c]).sum();
    }

    /** NaN for a class with no images in the set. */
    public double classAccuracy(int c) {
        return (double) confusion[c][c] / classTotal(c);
    }

    /** Rows: actual label; columns: predicted label; header row and column name the labels. */
    public void writeConfusionCsv(Path file, LabelMap labels) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder header = new StringBuilder("actual\\predicted");
        for (int c = 0; c < classes(); c++) {
            header.append(',').append(csv(labels.label(c)));
        }
        lines.add(header.toString());
        for (int a = 0; a < classes(); a++) {
            StringBuilder row = new StringBuilder(csv(labels.label(a)));
            for (long n : confusion[a]) {
                row.append(',').append(n);
            }
            lines.add(row.toString());
        }
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Files.write(file, lines);
    }

    private static String csv(String label) {
        return label.matches("[A-Za-z0-9_]+") ? label : "\"" + label.replace("\"", "\"\"") + "\"";
    }
}
