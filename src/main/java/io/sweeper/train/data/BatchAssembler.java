package io.sweeper.train.data;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Builds model input for a batch of samples: each stored image is augmented (unless the
 * augmentation is the identity, which copies it untouched), then placed in the square model
 * input — for the seed pipeline with its zero rows above and below, after augmentation as in the
 * notebook. The layout is NCHW with one channel: n × 1 × S × S, S = {@link PipelineSpec#inputSize()}.
 */
public final class BatchAssembler {
    private BatchAssembler() {
    }

    /** The model input for {@code batch} (sample indices into {@code data}), freshly allocated. */
    public static float[] images(ImageTensors data, int[] batch, AugmentSpec augment,
            SplittableRandom rng) {
        int side = data.pipeline().inputSize();
        float[] out = new float[batch.length * side * side];
        images(data, batch, augment, rng, out);
        return out;
    }

    /**
     * Writes the model input for {@code batch} into {@code out[0, n·S·S)}, overwriting it, so one
     * buffer serves every batch. Draws the random augmentation from {@code rng}, image by image:
     * the same rng state gives the same batch.
     */
    public static void images(ImageTensors data, int[] batch, AugmentSpec augment,
            SplittableRandom rng, float[] out) {
        ImagePipeline pipeline = ImagePipeline.of(data.pipeline());
        int side = pipeline.inputSize();
        int inputSize = side * side;
        int storedSize = data.height() * data.width();
        if (out.length < batch.length * inputSize) {
            throw new IllegalArgumentException("output holds " + out.length + " floats, the batch"
                    + " needs " + batch.length * inputSize);
        }
        int before = pipeline.padTop() * side;
        float[] pixels = data.pixelArray();
        for (int i = 0; i < batch.length; i++) {
            int start = i * inputSize;
            Arrays.fill(out, start, start + before, 0f);
            Arrays.fill(out, start + before + storedSize, start + inputSize, 0f);
            int source = batch[i] * storedSize;
            if (augment.isIdentity()) {
                System.arraycopy(pixels, source, out, start + before, storedSize);
            } else {
                pipeline.sampleWarp(augment, rng).apply(pixels, source, out, start + before);
            }
        }
    }

    /** The class index of each sample in {@code batch}. */
    public static int[] labels(ImageTensors data, int[] batch) {
        int[] all = data.labelArray();
        int[] labels = new int[batch.length];
        for (int i = 0; i < batch.length; i++) {
            labels[i] = all[batch[i]];
        }
        return labels;
    }
}
