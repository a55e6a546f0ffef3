package io.sweeper.train.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.sweeper.SweeperException;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Batches and augmentation on synthetic stored images (no decoding needed). */
class BatchAssemblerTest {
    private static final float TOLERANCE = 1e-5f;
    private static final AugmentSpec SOME = new AugmentSpec(15, 10, 0.1, 0.1, 0.1);

    /** {@code count} random stored images for {@code pipeline}, labels 0, 1, 2, 0, 1, … */
    private static ImageTensors randomTensors(PipelineSpec pipeline, int count) {
        ImagePipeline shape = ImagePipeline.of(pipeline);
        SplittableRandom rng = new SplittableRandom(7);
        float[] pixels = new float[count * shape.height() * shape.width()];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) rng.nextDouble();
        }
        int[] labels = new int[count];
        String[] paths = new String[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % 3;
            paths[i] = "c" + labels[i] + "/" + i + ".png";
        }
        return new ImageTensors(pipeline, LabelMap.ofFolders(List.of("c0", "c1", "c2")),
                List.of(paths), labels, shape.height(), shape.width(), pixels);
    }

    @Test
    void seedIdentityBatchIsTheStoredImageBetweenThreeAndFourZeroRows() {
        ImageTensors data = randomTensors(PipelineSpec.seed(), 5);
        float[] out = new float[2 * 28 * 28];
        Arrays.fill(out, 9f);

        BatchAssembler.images(data, new int[] {4, 1}, AugmentSpec.none(), new SplittableRandom(1),
                out);

        for (int n = 0; n < 2; n++) {
            float[] stored = data.image(n == 0 ? 4 : 1);
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++) {
                    float expected = y < 3 || y >= 24 ? 0f : stored[(y - 3) * 28 + x];
                    assertThat(out[n * 784 + y * 28 + x]).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void cleanIdentityBatchIsTheStoredImage() {
        ImageTensors data = randomTensors(PipelineSpec.clean(), 3);

        float[] out = BatchAssembler.images(data, new int[] {2}, AugmentSpec.none(),
                new SplittableRandom(1));

        assertThat(out).isEqualTo(data.image(2));
    }

    @Test
    void labelsFollowTheBatch() {
        ImageTensors data = randomTensors(PipelineSpec.clean(), 6);

        assertThat(BatchAssembler.labels(data, new int[] {5, 0, 4})).containsExactly(2, 0, 1);
    }

    @Test
    void sameSeedSameBatchOtherSeedOtherBatch() {
        ImageTensors data = randomTensors(PipelineSpec.seed(), 8);
        int[] batch = {0, 1, 2, 3, 4, 5, 6, 7};

        float[] a = BatchAssembler.images(data, batch, SOME, new SplittableRandom(42));
        float[] b = BatchAssembler.images(data, batch, SOME, new SplittableRandom(42));
        float[] c = BatchAssembler.images(data, batch, SOME, new SplittableRandom(43));
        float[] identity = BatchAssembler.images(data, batch, AugmentSpec.none(),
                new SplittableRandom(42));

        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
        assertThat(a).isNotEqualTo(identity);
    }

    @Test
    void augmentedSeedBatchKeepsItsPaddingRowsZero() {
        ImageTensors data = randomTensors(PipelineSpec.seed(), 4);

        float[] out = BatchAssembler.images(data, new int[] {0, 1, 2, 3}, SOME,
                new SplittableRandom(3));

        for (int n = 0; n < 4; n++) {
            for (int x = 0; x < 28; x++) {
                for (int y : new int[] {0, 1, 2, 24, 25, 26, 27}) {
                    assertThat(out[n * 784 + y * 28 + x]).isZero();
                }
            }
        }
    }

    @Test
    void quarterTurnAboutTheTrueCentreMovesEveryPixel() {
        float[] in = randomImage(28, 28);
        float[] out = new float[28 * 28];

        AffineWarp.of(28, 28, 13.5, 13.5, AffineWarp.Fill.ZERO, 90, 0, 0, 0, 1, 1)
                .apply(in, 0, out, 0);

        // Output (r, c) reads input (27 − c, r): what was at the top is now at the right.
        for (int r = 0; r < 28; r++) {
            for (int c = 0; c < 28; c++) {
                assertThat(out[r * 28 + c]).as("(%d, %d)", r, c)
                        .isCloseTo(in[(27 - c) * 28 + r], within(TOLERANCE));
            }
        }
    }

    @Test
    void rowShiftWithEdgeFillReplicatesTheLastRow() {
        float[] in = randomImage(21, 28);
        float[] out = new float[21 * 28];

        AffineWarp.of(21, 28, 11, 14.5, AffineWarp.Fill.EDGE, 0, 2, 0, 0, 1, 1)
                .apply(in, 0, out, 0);

        for (int r = 0; r < 21; r++) {
            for (int c = 0; c < 28; c++) {
                int source = Math.min(r + 2, 20);
                assertThat(out[r * 28 + c]).isCloseTo(in[source * 28 + c], within(TOLERANCE));
            }
        }
    }

    @Test
    void columnShiftWithZeroFillBringsInBackground() {
        float[] in = randomImage(28, 28);
        float[] out = new float[28 * 28];

        AffineWarp.of(28, 28, 13.5, 13.5, AffineWarp.Fill.ZERO, 0, 0, -3, 0, 1, 1)
                .apply(in, 0, out, 0);

        for (int r = 0; r < 28; r++) {
            for (int c = 0; c < 28; c++) {
                float expected = c < 3 ? 0f : in[r * 28 + c - 3];
                assertThat(out[r * 28 + c]).isCloseTo(expected, within(TOLERANCE));
            }
        }
    }

    @Test
    void shearIsAnAngleInDegrees() {
        // A horizontal line on row 10 of a 29×29 image (centre 14, 14). Shearing by 30° tilts it
        // with slope sin 30° = 0.5: output (10 + k, 14 + 2k) reads row 10.
        float[] in = new float[29 * 29];
        Arrays.fill(in, 10 * 29, 11 * 29, 1f);
        float[] out = new float[29 * 29];

        AffineWarp.of(29, 29, 14, 14, AffineWarp.Fill.ZERO, 0, 0, 0, 30, 1, 1)
                .apply(in, 0, out, 0);

        for (int k = -3; k <= 3; k++) {
            assertThat(out[(10 + k) * 29 + 14 + 2 * k]).isCloseTo(1f, within(TOLERANCE));
            if (k != 0) {
                assertThat(out[10 * 29 + 14 + 2 * k]).isCloseTo(0f, within(TOLERANCE));
            }
        }
    }

    @Test
    void zoomAboveOneShrinksTheContent() {
        // A 4×4 block in the middle of a 28×28 image; zoom 2 on both axes halves it to 2×2.
        float[] in = new float[28 * 28];
        for (int r = 12; r < 16; r++) {
            Arrays.fill(in, r * 28 + 12, r * 28 + 16, 1f);
        }
        float[] out = new float[28 * 28];

        AffineWarp.of(28, 28, 13.5, 13.5, AffineWarp.Fill.ZERO, 0, 0, 0, 0, 2, 2)
                .apply(in, 0, out, 0);

        double mass = 0;
        for (float v : out) {
            mass += v;
        }
        assertThat(mass).isCloseTo(4, within(0.5));
        assertThat(out[13 * 28 + 13]).isCloseTo(1f, within(TOLERANCE));
        assertThat(out[11 * 28 + 11]).isCloseTo(0f, within(TOLERANCE));
    }

    @Test
    void sampledRotationIsUniformWithinTheRangeInDegrees() {
        // Two pixels 11.5 rows above the centre: rotating by θ moves their centroid sideways by
        // 11.5·sin θ, at most 1.0 pixel for a 5° range (plus a little: pulling values through
        // bilinear interpolation moves a centroid by a few hundredths).
        float[] in = new float[28 * 28];
        in[2 * 28 + 13] = 1f;
        in[2 * 28 + 14] = 1f;
        SplittableRandom rng = new SplittableRandom(11);
        AugmentSpec fiveDegrees = new AugmentSpec(5, 0, 0, 0, 0);
        double largest = 0;
        for (int i = 0; i < 200; i++) {
            float[] out = new float[28 * 28];
            new CleanPipeline(28, false, 0).sampleWarp(fiveDegrees, rng).apply(in, 0, out, 0);
            double shift = Math.abs(centroidColumn(out) - 13.5);
            assertThat(shift).isLessThanOrEqualTo(11.5 * Math.sin(Math.toRadians(5)) + 0.05);
            largest = Math.max(largest, shift);
        }
        assertThat(largest).as("angles near the range's ends are drawn").isGreaterThan(0.9);
    }

    @Test
    void outOfRangeAugmentationNamesTheKey() {
        assertThatThrownBy(() -> new AugmentSpec(-1, 0, 0, 0, 0))
                .isInstanceOf(SweeperException.class).hasMessageContaining("rotation");
        assertThatThrownBy(() -> new AugmentSpec(0, 0, 1.5, 0, 0))
                .isInstanceOf(SweeperException.class).hasMessageContaining("zoom");
        assertThatThrownBy(() -> new AugmentSpec(0, 0, 0, Double.NaN, 0))
                .isInstanceOf(SweeperException.class).hasMessageContaining("widthShift");
        assertThat(AugmentSpec.none().isIdentity()).isTrue();
        assertThat(new AugmentSpec(0, 0.1, 0, 0, 0).isIdentity()).isFalse();
    }

    private static double centroidColumn(float[] image) {
        double mass = 0;
        double moment = 0;
        for (int i = 0; i < image.length; i++) {
            mass += image[i];
            moment += image[i] * (i % 28);
        }
        return moment / mass;
    }

    private static float[] randomImage(int height, int width) {
        SplittableRandom rng = new SplittableRandom(height * 1000L + width);
        float[] image = new float[height * width];
        for (int i = 0; i < image.length; i++) {
            image[i] = (float) rng.nextDouble();
        }
        return image;
    }
}
