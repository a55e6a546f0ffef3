package io.sweeper.cli;

import io.sweeper.report.TerminalText;
import io.sweeper.train.Checkpoint;
import io.sweeper.train.data.AugmentSpec;
import io.sweeper.train.data.BatchAssembler;
import io.sweeper.train.data.ImageTensors;
import io.sweeper.train.data.LooseImages;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sweeper predict}: the top characters for each image, with probabilities. */
@Command(name = "predict", description = "Classify images with a trained checkpoint: top-3 labels with probabilities.")
final class PredictCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "CKPT", description = "Checkpoint folder (DIR/checkpoint of `train --out DIR`).")
    Path model;

    @Option(names = "--top", defaultValue = "3", description = "How many labels per image (default ${DEFAULT-VALUE}).")
    int top;

    @Mixin
    StoreOptions store;

    @Parameters(paramLabel = "IMAGE|DIR", description = "An image, or a folder searched for images.")
    Path input;

    @Override
    public Integer call() {
        Checkpoint.Loaded loaded = VerifiedCheckpoint.read(model, store);
        ImageTensors images = LooseImages.load(LooseImages.list(input), loaded.config().pipeline());
        int size = images.pipeline().inputSize();
        int[] all = IntStream.range(0, images.count()).toArray();
        INDArray x = Nd4j.create(BatchAssembler.images(images, all, AugmentSpec.none(), null),
                new long[] {all.length, 1, size, size}, 'c');
        INDArray probs = loaded.network().predict(x);
        int k = Math.min(top, (int) probs.size(1));
        for (int i = 0; i < all.length; i++) {
            StringBuilder line = new StringBuilder(images.paths().get(i));
            double[] row = probs.getRow(i).toDoubleVector();
            Integer[] order = IntStream.range(0, row.length).boxed().sorted((a, b) -> Double.compare(row[b], row[a]))
                    .toArray(Integer[]::new);
            for (int j = 0; j < k; j++) {
                line.append(String.format(Locale.ROOT, "  %s %.3f", loaded.labels().label(order[j]), row[order[j]]));
            }
            System.out.println(TerminalText.escape(line.toString()));
        }
        return 0;
    }
}
