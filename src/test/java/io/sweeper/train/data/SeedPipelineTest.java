package io.sweeper.train.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedPipelineTest {
    /** PIL 13's NEAREST resize 1200 → 28 and 900 → 21, read off a resized index image. */
    private static final int[] PILLOW_COLUMNS = {21, 64, 107, 150, 192, 235, 278, 321, 364, 407,
        449, 492, 535, 578, 621, 664, 707, 750, 792, 835, 878, 921, 964, 1007, 1050, 1092, 1135,
        1178};
    private static final int[] PILLOW_ROWS = {21, 64, 107, 150, 192, 235, 278, 321, 364, 407, 449,
        492, 535, 578, 621, 664, 707, 750, 792, 835, 878};
    /** A real image whose row 449/450 and column 449/450 differ, so PIL's rounding shows. */
    private static final String IMAGE = "Sample006/img006-025.png";
    /** numpy multiplies the float32 array by the float32 rescale factor. */
    private static final float KERAS_RESCALE = (float) (1.0 / 255);

    @TempDir
    Path temp;

    @Test
    void nearestSourcesAreThoseOfPillowNotTheClosedFormula() {
        assertThat(SeedPipeline.pillowNearestSources(1200, 28)).containsExactly(PILLOW_COLUMNS);
        assertThat(SeedPipeline.pillowNearestSources(900, 21)).containsExactly(PILLOW_ROWS);
        // floor((x + 0.5) · 1200 / 28) would take 450 at x = 10.
        assertThat((int) Math.floor(10.5 * 1200 / 28)).isEqualTo(450);
    }

    @Test
    void realImageMatchesTheNotebookPixelByPixelIncludingThePadding() throws Exception {
        TestImages.Rgb rgb = TestImages.readRgbPng(TestImages.MIDAS.resolve(IMAGE));
        Path data = temp.resolve("data/Sample006");
        Files.createDirectories(data);
        Files.copy(TestImages.MIDAS.resolve(IMAGE), data.resolve("img006-025.png"));

        ImageTensors tensors = DatasetLoader.load(temp.resolve("data"), PipelineSpec.seed(),
                LoadOptions.uncached()).tensors();
        float[] input = BatchAssembler.images(tensors, new int[] {0}, AugmentSpec.none(),
                new SplittableRandom(1));

        assertThat(tensors.height()).isEqualTo(21);
        assertThat(tensors.width()).isEqualTo(28);
        assertThat(input).hasSize(28 * 28);
        float[] stored = tensors.image(0);
        int differingFromClosedFormula = 0;
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                float actual = input[y * 28 + x];
                if (y < 3 || y >= 24) {
                    assertThat(actual).as("padding at row %d, column %d", y, x).isEqualTo(0f);
                    continue;
                }
                int row = PILLOW_ROWS[y - 3];
                int column = PILLOW_COLUMNS[x];
                float expected = (1f - luma(rgb, column, row)) * KERAS_RESCALE;
                assertThat(actual).as("row %d, column %d", y, x).isEqualTo(expected);
                assertThat(stored[(y - 3) * 28 + x]).isEqualTo(expected);
                int naiveRow = (int) Math.floor((y - 3 + 0.5) * 900 / 21);
                int naiveColumn = (int) Math.floor((x + 0.5) * 1200 / 28);
                if (luma(rgb, naiveColumn, naiveRow) != luma(rgb, column, row)) {
                    differingFromClosedFormula++;
                }
            }
        }
        assertThat(differingFromClosedFormula).as("pixels where PIL's rounding matters")
                .isPositive();
    }

    @Test
    void backgroundIsNearMinusOneAndInkNearZero() throws Exception {
        Path data = TestImages.copySubset(temp.resolve("data"), List.of("Sample001"), 1);
        ImageTensors tensors = DatasetLoader.load(data, PipelineSpec.seed(),
                LoadOptions.uncached()).tensors();
        float[] image = tensors.image(0);
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float v : image) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertThat(min).isCloseTo(-254f / 255, within(1e-6f));
        assertThat(max).isCloseTo(1f / 255, within(1e-6f));
    }

    @Test
    void colourIsConvertedWithPillowsIntegerLuma() {
        // Each {r, g, b, L} with L as PIL 13's convert('L') gives it.
        int[][] pillow = {{255, 0, 0, 76}, {0, 255, 0, 150}, {0, 0, 255, 29}, {12, 200, 99, 132},
            {250, 251, 3, 222}, {128, 128, 128, 128}, {1, 2, 3, 2}, {77, 160, 240, 144}};
        BufferedImage image = new BufferedImage(pillow.length, 1, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < pillow.length; i++) {
            image.setRGB(i, 0, pillow[i][0] << 16 | pillow[i][1] << 8 | pillow[i][2]);
        }
        Path file = temp.resolve("colours.png");
        TestImages.writePng(image, file);

        GrayImage gray = ImageDecoder.decode(file);

        for (int i = 0; i < pillow.length; i++) {
            assertThat(gray.gray(i, 0)).as("colour %d", i).isEqualTo(pillow[i][3]);
        }
    }

    @Test
    void grayImagesKeepTheirLevels() {
        BufferedImage image = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setSamples(0, 0, 3, 1, 0, new int[] {0, 37, 200});
        Path file = temp.resolve("gray.png");
        TestImages.writePng(image, file);

        GrayImage gray = ImageDecoder.decode(file);

        assertThat(new int[] {gray.gray(0, 0), gray.gray(1, 0), gray.gray(2, 0)})
                .containsExactly(0, 37, 200);
    }

    private static int luma(TestImages.Rgb rgb, int x, int y) {
        return (rgb.channel(x, y, 0) * 19595 + rgb.channel(x, y, 1) * 38470
                + rgb.channel(x, y, 2) * 7471 + 0x8000) >> 16;
    }
}
