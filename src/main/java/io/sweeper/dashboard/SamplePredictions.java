package io.sweeper.dashboard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sweeper.SweeperException;
import io.sweeper.train.Checkpoint;
import io.sweeper.train.Datasets;
import io.sweeper.train.Trainer;
import io.sweeper.train.data.AugmentSpec;
import io.sweeper.train.data.BatchAssembler;
import io.sweeper.train.data.ImageTensors;
import io.sweeper.train.data.LoadOptions;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The sample-prediction grid: {@value #IMAGES} images of the best trial's validation set (the
 * split the trainer made, taken evenly across it), each with its true character and the one the
 * checkpoint predicts, as PNG data URIs. Loads the checkpoint and the data set through the
 * trainer's own code, so it costs a few seconds: pages written while a sweep runs leave it out.
 */
final class SamplePredictions {
    static final int IMAGES = 48;

    private final LoadOptions data;

    SamplePredictions(LoadOptions data) {
        this.data = data;
    }

    /** Adds {@code images} (or {@code imagesEmpty}, saying why not) to the best trial's node. */
    void json(Path checkpoint, ObjectNode node) {
        try {
            Checkpoint.Loaded model = Checkpoint.read(checkpoint);
            Trainer.TrialData trial = new Trainer(new Datasets(data)).prepare(model.config());
            ImageTensors tensors = trial.tensors();
            int[] validation = trial.validation();
            int n = Math.min(IMAGES, validation.length);
            int[] picked = IntStream.range(0, n).map(i -> validation[(int) ((long) i * validation.length / n)]).toArray();
            int size = tensors.pipeline().inputSize();
            float[] inputs = BatchAssembler.images(tensors, picked, AugmentSpec.none(), null);
            INDArray x = Nd4j.create(inputs, new long[] {n, 1, size, size}, 'c');
            INDArray predicted = model.network().predict(x).argMax(1);
            ArrayNode images = node.putArray("images");
            for (int i = 0; i < n; i++) {
                ObjectNode image = images.addObject();
                image.put("truth", tensors.labelMap().label(tensors.label(picked[i])));
                image.put("predicted", model.labels().label(predicted.getInt(i)));
                image.put("png", png(Arrays.copyOfRange(inputs, i * size * size, (i + 1) * size * size), size));
            }
            node.put("imagesNote", n + " of the " + validation.length + " validation images, predicted by the checkpoint of epoch "
                    + model.epoch());
        } catch (SweeperException | UncheckedIOException e) {
            node.put("imagesEmpty", "the best trial's images could not be predicted: " + e.getMessage());
        }
    }

    /** A grey PNG data URI of one image as the network saw it, its values stretched to black..white. */
    static String png(float[] pixels, int side) {
        int width = side;
        int height = side;
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float p : pixels) {
            min = Math.min(min, p);
            max = Math.max(max, p);
        }
        float range = max > min ? max - min : 1;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int grey = Math.round((pixels[y * width + x] - min) / range * 255);
                image.getRaster().setSample(x, y, 0, grey);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
    }
}
