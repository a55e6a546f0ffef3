package io.sweeper.tracking;

import static io.sweeper.tracking.ConfusionMatrixChart.HEIGHT;
import static io.sweeper.tracking.ConfusionMatrixChart.WIDTH;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Confusion-matrix heat maps of the 62 MIDAS classes: decodable, sized, coloured by row share. */
class ConfusionMatrixChartTest {
    private static final List<String> MIDAS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
            .chars().mapToObj(c -> String.valueOf((char) c)).toList();
    /** A row entirely on one cell. */
    private static final Color FULL_ROW = (Color) new ConfusionMatrixChart.RowShareScale().getPaint(1.0);
    private static final Color EMPTY_ROW = (Color) new ConfusionMatrixChart.RowShareScale().getPaint(Double.NaN);

    @TempDir
    Path dir;

    /** Every class always right, {@code perClass} images each. */
    private static long[][] diagonal(int perClass) {
        long[][] counts = new long[MIDAS.size()][MIDAS.size()];
        for (int c = 0; c < counts.length; c++) {
            counts[c][c] = perClass;
        }
        return counts;
    }

    @Test
    void aPerfectClassifierFillsTheDiagonal() throws Exception {
        Path png = dir.resolve("confusion.png");
        ConfusionMatrixChart.writePng("trial 1", new ConfusionMatrix(MIDAS, diagonal(7)), png);

        BufferedImage image = PngImages.read(png, WIDTH, HEIGHT);
        int dark = PngImages.count(image, FULL_ROW, 2);
        // 62 full cells of roughly (plot width / 62)² pixels each, plus the legend's top.
        assertThat(dark).isGreaterThan(62 * 100).isLessThan(62 * 400 + 2000);
        assertThat(PngImages.count(image, EMPTY_ROW, 2)).isZero();
    }

    @Test
    void sharesAreTakenPerRowSoCountsOfAnySizeLookAlike() throws Exception {
        Path few = dir.resolve("few.png");
        Path many = dir.resolve("many.png");
        ConfusionMatrixChart.writePng("t", new ConfusionMatrix(MIDAS, diagonal(2)), few);
        ConfusionMatrixChart.writePng("t", new ConfusionMatrix(MIDAS, diagonal(500)), many);
        assertThat(PngImages.samePixels(PngImages.read(few, WIDTH, HEIGHT), PngImages.read(many, WIDTH, HEIGHT))).isTrue();
    }

    @Test
    void confusionsChangeThePicture() throws Exception {
        long[][] counts = diagonal(10);
        counts[24][24] = 5; // O
        counts[24][0] = 5;  // O read as 0
        Path perfect = dir.resolve("perfect.png");
        Path confused = dir.resolve("confused.png");
        ConfusionMatrixChart.writePng("t", new ConfusionMatrix(MIDAS, diagonal(10)), perfect);
        ConfusionMatrixChart.writePng("t", new ConfusionMatrix(MIDAS, counts), confused);

        BufferedImage a = PngImages.read(perfect, WIDTH, HEIGHT);
        BufferedImage b = PngImages.read(confused, WIDTH, HEIGHT);
        assertThat(PngImages.samePixels(a, b)).isFalse();
        // One full cell fewer; two half cells instead.
        assertThat(PngImages.count(b, FULL_ROW, 2)).isLessThan(PngImages.count(a, FULL_ROW, 2));
        Color half = (Color) new ConfusionMatrixChart.RowShareScale().getPaint(0.5);
        assertThat(PngImages.count(b, half, 2)).isGreaterThan(2 * 100);
    }

    @Test
    void aClassWithoutImagesIsGreyNotWhite() throws Exception {
        long[][] counts = diagonal(3);
        counts[61][61] = 0;
        Path png = dir.resolve("empty-row.png");
        ConfusionMatrixChart.writePng("t", new ConfusionMatrix(MIDAS, counts), png);
        // A whole row of 62 grey cells.
        assertThat(PngImages.count(PngImages.read(png, WIDTH, HEIGHT), EMPTY_ROW, 2)).isGreaterThan(62 * 100);
    }
}
