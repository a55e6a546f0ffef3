package io.sweeper.tracking;

import static io.sweeper.tracking.LearningCurveChart.HEIGHT;
import static io.sweeper.tracking.LearningCurveChart.WIDTH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sweeper.store.EpochMetrics;
import io.sweeper.tracking.LearningCurveChart.Panel;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Learning-curve PNGs: decodable, of the promised size, showing the curves that were reported. */
class LearningCurveChartTest {
    private static final Color TRAIN = new Color(0x1f77b4);
    private static final Color VALIDATION = new Color(0xd62728);

    @TempDir
    Path dir;

    private static List<EpochMetrics> epochs(int count, IntFunction<Map<String, Double>> values) {
        List<EpochMetrics> out = new ArrayList<>();
        for (int e = 1; e <= count; e++) {
            out.add(new EpochMetrics(e, values.apply(e)));
        }
        return out;
    }

    private static Map<String, Double> trainerEpoch(int e) {
        return Map.of("loss", 2.0 / e, "val_loss", 2.2 / e + 0.05, "accuracy", 1 - 0.5 / e,
                "val_accuracy", 0.95 - 0.5 / e, "epoch_seconds", 3.0, "images_per_second", 900.0);
    }

    @Test
    void drawsTrainingAndValidationCurvesIntoAValidPng() throws Exception {
        Path png = dir.resolve("curve.png");
        LearningCurveChart.writePng("trial 1", epochs(20, LearningCurveChartTest::trainerEpoch), png);

        BufferedImage image = PngImages.read(png, WIDTH, HEIGHT);
        // Two curves per panel, each a 2-pixel line across most of the width.
        assertThat(PngImages.count(image, TRAIN, 20)).isGreaterThan(1000);
        assertThat(PngImages.count(image, VALIDATION, 20)).isGreaterThan(1000);
    }

    @Test
    void differentMetricsDrawDifferentPictures() throws Exception {
        Path a = dir.resolve("a.png");
        Path b = dir.resolve("b.png");
        LearningCurveChart.writePng("trial", epochs(10, LearningCurveChartTest::trainerEpoch), a);
        LearningCurveChart.writePng("trial", epochs(10, e -> {
            Map<String, Double> m = new java.util.HashMap<>(trainerEpoch(e));
            m.put("val_loss", 1.0 + 0.1 * e); // overfitting: validation loss rises
            return m;
        }), b);
        assertThat(PngImages.samePixels(PngImages.read(a, WIDTH, HEIGHT), PngImages.read(b, WIDTH, HEIGHT))).isFalse();
    }

    @Test
    void theTrainersMetricsGiveALossAndAnAccuracyPanel() {
        assertThat(LearningCurveChart.panels(trainerEpoch(1).keySet())).containsExactly(
                new Panel("loss", List.of("loss", "val_loss")),
                new Panel("accuracy", List.of("accuracy", "val_accuracy")));
    }

    @Test
    void onlyTheStandardMetricsPresentAreDrawn() {
        assertThat(LearningCurveChart.panels(Set.of("val_loss", "custom")))
                .containsExactly(new Panel("loss", List.of("val_loss")));
    }

    @Test
    void aProgramsOwnMetricsGetAPanelEach() {
        assertThat(LearningCurveChart.panels(Set.of("f1", "bleu")))
                .containsExactly(new Panel("bleu", List.of("bleu")), new Panel("f1", List.of("f1")));
    }

    @Test
    void gapsAndDivergenceStillDrawTheRest() throws Exception {
        Path png = dir.resolve("gaps.png");
        LearningCurveChart.writePng("trial", epochs(8, e -> e % 2 == 0
                ? Map.of("loss", 1.0 / e)
                : Map.of("loss", e == 5 ? Double.NaN : 1.0 / e, "val_loss", 1.5 / e)), png);
        BufferedImage image = PngImages.read(png, WIDTH, HEIGHT);
        assertThat(PngImages.count(image, TRAIN, 20)).isGreaterThan(200);
        assertThat(PngImages.count(image, VALIDATION, 20)).isGreaterThan(200);
    }

    @Test
    void noEpochsIsRefused() {
        assertThatThrownBy(() -> LearningCurveChart.writePng("trial 9", List.of(), dir.resolve("x.png")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trial 9");
    }
}
