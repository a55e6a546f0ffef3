package io.sweeper.train.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CleanPipelineTest {
    private static final String IMAGE = "Sample037/img037-001.png";
    private static final float TOLERANCE = 1e-5f;

    @TempDir
    Path temp;

    /** A 100×60 white image with a black 20×20 square whose top-left corner is (20, 10). */
    private GrayImage squareOnWhite() {
        Path file = temp.resolve("square.png");
        TestImages.writePng(TestImages.whiteWithBlackRectangles(100, 60, new int[] {20, 10, 20, 20}),
                file);
        return ImageDecoder.decode(file);
    }

    private static float[] run(CleanPipeline pipeline, GrayImage image) {
        float[] out = new float[pipeline.height() * pipeline.width()];
        pipeline.preprocess(image, out, 0);
        return out;
    }

    @Test
    void cropWithMarginCentresTheInkBoxWithBackgroundAround() {
        // Box 20 wide, margin 0.5 → a 40-pixel square, the ink in its middle half: output pixels
        // 7…20 of 28 lie wholly on ink, the others wholly on background.
        float[] out = run(new CleanPipeline(28, true, 0.5), squareOnWhite());

        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                boolean ink = y >= 7 && y <= 20 && x >= 7 && x <= 20;
                assertThat(out[y * 28 + x]).as("(%d, %d)", y, x)
                        .isCloseTo(ink ? 1f : 0f, within(TOLERANCE));
            }
        }
    }

    @Test
    void cropWithoutMarginIsAllInk() {
        float[] out = run(new CleanPipeline(28, true, 0), squareOnWhite());

        for (float v : out) {
            assertThat(v).isCloseTo(1f, within(TOLERANCE));
        }
    }

    @Test
    void withoutCropTheWholeImageIsPaddedToASquareAndAreaAveraged() {
        float[] out = run(new CleanPipeline(28, false, 0), squareOnWhite());

        // The 100×60 image centred in a 100×100 square: rows start at −20. Each output pixel is
        // the fraction of its cell that the ink square [20, 40) × [10, 30) covers.
        double cell = 100.0 / 28;
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                double covered = overlap(x * cell, (x + 1) * cell, 20, 40)
                        * overlap(-20 + y * cell, -20 + (y + 1) * cell, 10, 30);
                assertThat(out[y * 28 + x]).as("(%d, %d)", y, x)
                        .isCloseTo((float) (covered / (cell * cell)), within(TOLERANCE));
            }
        }
    }

    @Test
    void imageWithoutInkIsAllBackgroundEvenWithCrop() {
        Path file = temp.resolve("blank.png");
        TestImages.writePng(TestImages.whiteWithBlackRectangles(50, 40), file);

        float[] out = run(new CleanPipeline(28, true, 0.2), ImageDecoder.decode(file));

        assertThat(out).containsOnly(0f);
    }

    @Test
    void realImageCroppedMatchesADirectAreaIntegral() throws Exception {
        TestImages.Rgb rgb = TestImages.readRgbPng(TestImages.MIDAS.resolve(IMAGE));
        double margin = 0.2;
        float[] out = run(new CleanPipeline(28, true, margin),
                ImageDecoder.decode(TestImages.MIDAS.resolve(IMAGE)));

        int[] box = inkBox(rgb);
        double boxWidth = box[2] - box[0];
        double boxHeight = box[3] - box[1];
        double side = Math.max(boxWidth, boxHeight) * (1 + 2 * margin);
        double left = box[0] + (boxWidth - side) / 2;
        double top = box[1] + (boxHeight - side) / 2;
        assertMatchesAreaIntegral(out, rgb, left, top, side);

        float max = 0;
        for (float v : out) {
            assertThat(v).isBetween(0f, 1f);
            max = Math.max(max, v);
        }
        assertThat(max).as("thick strokes cover whole cells").isCloseTo(1f, within(TOLERANCE));
        // The ink spans the middle 1 / 1.4 of the longer side: 20 of 28 pixels.
        int[] outBox = inkExtent(out, 28);
        int longer = Math.max(outBox[2] - outBox[0], outBox[3] - outBox[1]);
        assertThat(longer).isBetween(19, 21);
    }

    @Test
    void realImageUncroppedMatchesADirectAreaIntegral() throws Exception {
        TestImages.Rgb rgb = TestImages.readRgbPng(TestImages.MIDAS.resolve(IMAGE));
        float[] out = run(new CleanPipeline(28, false, 0),
                ImageDecoder.decode(TestImages.MIDAS.resolve(IMAGE)));

        assertMatchesAreaIntegral(out, rgb, 0, (900 - 1200) / 2.0, 1200);
        assertThat(out[0]).as("corner is background").isEqualTo(0f);
    }

    /**
     * Checks every output pixel against the coverage-weighted mean ink (1 − L/255) of the source
     * pixels under its cell, computed directly in two dimensions and in double precision.
     */
    private static void assertMatchesAreaIntegral(float[] out, TestImages.Rgb rgb, double left,
            double top, double side) {
        double cell = side / 28;
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                double x0 = left + x * cell;
                double y0 = top + y * cell;
                double sum = 0;
                for (int sy = Math.max(0, (int) Math.floor(y0));
                        sy < Math.min(rgb.height(), Math.ceil(y0 + cell)); sy++) {
                    for (int sx = Math.max(0, (int) Math.floor(x0));
                            sx < Math.min(rgb.width(), Math.ceil(x0 + cell)); sx++) {
                        double weight = overlap(sx, sx + 1, x0, x0 + cell)
                                * overlap(sy, sy + 1, y0, y0 + cell);
                        sum += weight * (1 - luma(rgb, sx, sy) / 255.0);
                    }
                }
                assertThat(out[y * 28 + x]).as("(%d, %d)", y, x)
                        .isCloseTo((float) (sum / (cell * cell)), within(TOLERANCE));
            }
        }
    }

    /** {minX, minY, maxX + 1, maxY + 1} of pixels with ink above 0.2. */
    private static int[] inkBox(TestImages.Rgb rgb) {
        int[] box = {Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1};
        for (int y = 0; y < rgb.height(); y++) {
            for (int x = 0; x < rgb.width(); x++) {
                if (1 - luma(rgb, x, y) / 255.0 > 0.2) {
                    box[0] = Math.min(box[0], x);
                    box[1] = Math.min(box[1], y);
                    box[2] = Math.max(box[2], x + 1);
                    box[3] = Math.max(box[3], y + 1);
                }
            }
        }
        return box;
    }

    private static int[] inkExtent(float[] image, int size) {
        int[] box = {size, size, 0, 0};
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                if (image[y * size + x] > 0) {
                    box[0] = Math.min(box[0], x);
                    box[1] = Math.min(box[1], y);
                    box[2] = Math.max(box[2], x + 1);
                    box[3] = Math.max(box[3], y + 1);
                }
            }
        }
        return box;
    }

    private static double overlap(double a0, double a1, double b0, double b1) {
        return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
    }

    private static int luma(TestImages.Rgb rgb, int x, int y) {
        return (rgb.channel(x, y, 0) * 19595 + rgb.channel(x, y, 1) * 38470
                + rgb.channel(x, y, 2) * 7471 + 0x8000) >> 16;
    }
}
