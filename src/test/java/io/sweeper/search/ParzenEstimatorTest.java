package io.sweeper.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The densities TPE compares are Optuna's: the expected log densities below are those of Optuna
 * 5.1's {@code optuna.samplers._tpe.parzen_estimator._ParzenEstimator} with TPESampler's defaults
 * (prior weight 1, magic clip, consider_endpoints=False, default weights), for the same trials on
 * FloatDistribution(0, 1) axes and a CategoricalDistribution of three values, computed with
 * {@code _ParzenEstimator(observations, space, params).log_pdf(points)}. On [0, 1] the sweep's
 * unit cube and Optuna's internal scale coincide.
 */
class ParzenEstimatorTest {
    private static final UnitCube CUBE = UnitCube.of(Specs.parse("bayes", """
            metric: {name: loss, goal: minimize}
            parameters:
              x: {min: 0.0, max: 1.0}
              y: {min: 0.0, max: 1.0}
              c: {values: [a, b, c]}
            """));
    /** Trials at (x, y, value index of c). */
    private static final double[][] TRIALS = {{0.1, 0.7, 0}, {0.15, 0.2, 2}, {0.6, 0.9, 2}, {0.95, 0.4, 1}};
    private static final double[][] POINTS = {{0.05, 0.5, 1}, {0.3, 0.3, 0}, {0.5, 0.95, 2}, {0.99, 0.01, 2}};

    private static List<double[]> trials(double[][] rows) {
        return java.util.Arrays.stream(rows)
                .map(r -> new double[] {r[0], r[1], r.length > 2 ? CUBE.categoryCoordinate(2, (int) r[2]) : 0.5}).toList();
    }

    private static double[] logDensities(ParzenEstimator estimator, int dimensions) {
        return java.util.Arrays.stream(POINTS)
                .mapToDouble(p -> estimator.logDensity(java.util.Arrays.copyOf(p, dimensions))).toArray();
    }

    @Test
    void jointDensityOverOrderedAndCategoricalAxesIsOptunas() {
        ParzenEstimator joint = new ParzenEstimator(CUBE, new int[] {0, 1, 2}, trials(TRIALS), new double[] {1, 1, 1, 1});

        assertThat(logDensities(joint, 3)).containsExactly(new double[] {
                -1.5334872590550215, -1.1563129672475758, -0.5449742468798173, -1.9077852851615091}, within(1e-12));
    }

    @Test
    void densityOfOneAxisIsOptunas() {
        ParzenEstimator alone = new ParzenEstimator(CUBE, new int[] {0}, trials(TRIALS), new double[] {1, 1, 1, 1});

        assertThat(logDensities(alone, 1)).containsExactly(new double[] {
                0.21365027506143097, 0.07183981788012961, -0.12412591352752345, -0.2053037698149287}, within(1e-12));
    }

    @Test
    void aSingleTrialsKernelReachesTheFartherEndOfTheAxis() {
        ParzenEstimator one = new ParzenEstimator(CUBE, new int[] {0}, trials(new double[][] {{0.2, 0.5}}), new double[] {1});

        assertThat(logDensities(one, 1)).containsExactly(new double[] {
                0.02712354953949037, 0.07027566600812052, 0.0478911357428794, -0.21078181945752217}, within(1e-12));
    }
}
