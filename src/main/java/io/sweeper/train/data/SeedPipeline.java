package io.sweeper.train.data;

import java.util.SplittableRandom;

/**
 * The seed notebook's preprocessing, replicated value for value:
 *
 * <ol>
 *   <li>{@code load_img(color_mode='grayscale', target_size=(21, 28))}: PIL {@code convert('L')}
 *       (done by {@link ImageDecoder}), then PIL's NEAREST resize to 28 wide × 21 high.</li>
 *   <li>{@code ImageDataGenerator(rescale=1/255, preprocessing_function=lambda x: 1 - x)}: Keras'
 *       {@code standardize()} runs the preprocessing function <em>before</em> the rescale, so a
 *       pixel p becomes {@code (1 - p) / 255} in float32, not {@code 1 - p / 255}: the white
 *       background (255) is ≈ −0.996 and black ink (0) is ≈ +0.0039.</li>
 *   <li>The model's first layer, {@code tf.image.resize_with_crop_or_pad(image, 28, 28)}, pads the
 *       21 rows to 28 with zeros: 3 rows above, 4 below ({@link #padTop()}). Zero is, in this
 *       encoding, almost exactly the value of ink, so the seed's images carry a band of "ink"
 *       above and below a dark background. It is replicated, not corrected: the {@code clean}
 *       pipeline is the correction.</li>
 * </ol>
 *
 * <p>The stored tensor is the 21×28 image: the notebook augmented that image and padded only
 * inside the model, so padding happens at batch time, after augmentation.
 *
 * <p>Keras augments the raw 0–255 pixels before {@code standardize()}; augmenting the stored
 * {@code (1 - p) / 255} values instead gives the same result (up to float rounding), because
 * bilinear interpolation and edge-replicating fill commute with an affine map of the values.
 * Augmentation keeps Keras' quirks too: fill mode {@code nearest} (edge replicate), and rotation
 * and zoom about the centre keras_preprocessing 1.1 uses, {@code (h/2 + 0.5, w/2 + 0.5)}: one
 * pixel right of and below the true centre (later Keras releases corrected it to −0.5).
 */
final class SeedPipeline implements ImagePipeline {
    static final int HEIGHT = 21;
    static final int WIDTH = 28;
    static final int INPUT_SIZE = 28;
    /** {@code resize_with_crop_or_pad} puts {@code (28 - 21) / 2} rows above, the rest below. */
    static final int PAD_TOP = (INPUT_SIZE - HEIGHT) / 2;
    /** Keras multiplies the float32 array by the rescale factor in float32. */
    private static final float RESCALE = (float) (1.0 / 255);

    @Override
    public int height() {
        return HEIGHT;
    }

    @Override
    public int width() {
        return WIDTH;
    }

    @Override
    public int inputSize() {
        return INPUT_SIZE;
    }

    @Override
    public int padTop() {
        return PAD_TOP;
    }

    @Override
    public void preprocess(GrayImage image, float[] out, int offset) {
        int[] columns = pillowNearestSources(image.width(), WIDTH);
        int[] rows = pillowNearestSources(image.height(), HEIGHT);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int p = image.gray(columns[x], rows[y]);
                out[offset + y * WIDTH + x] = (1f - p) * RESCALE;
            }
        }
    }

    /**
     * The source index of each output index in PIL's NEAREST resize ({@code ImagingScaleAffine}):
     * PIL starts at half a step and <em>adds</em> the step for each index, truncating. The
     * accumulated rounding matters: for 1200 → 28 it takes column 449 for output 10, where
     * {@code floor((10 + 0.5) · 1200 / 28)} = 450.
     */
    static int[] pillowNearestSources(int inSize, int outSize) {
        double step = (double) inSize / outSize;
        double position = step * 0.5;
        int[] sources = new int[outSize];
        for (int i = 0; i < outSize; i++) {
            sources[i] = (int) position;
            position += step;
        }
        return sources;
    }

    @Override
    public AffineWarp sampleWarp(AugmentSpec augment, SplittableRandom rng) {
        return AffineWarp.sample(augment, HEIGHT, WIDTH,
                HEIGHT / 2.0 + 0.5, WIDTH / 2.0 + 0.5, AffineWarp.Fill.EDGE, rng);
    }
}
