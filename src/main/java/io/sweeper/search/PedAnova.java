package io.sweeper.search;

import io.sweeper.sweep.Goal;
import io.sweeper.sweep.SweepSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Which parameters mattered, by PED-ANOVA (Watanabe et al. 2023, "PED-ANOVA: Efficiently
 * Quantifying Hyperparameter Importance in Arbitrary Subspaces", as Optuna's
 * {@code PedAnovaImportanceEvaluator} computes it): a parameter is important when the values the
 * top {@value #TOP_QUANTILE} of trials took are distributed unlike the values all trials took. Each
 * parameter's two densities are this package's one-axis {@link ParzenEstimator}s over its
 * {@link UnitCube} axis (so log scales and categories are the distributions' business), with
 * Scott's widths as Optuna's evaluator uses; the importance is their Pearson divergence on a grid
 * of the axis, and importances sum to 1.
 */
public final class PedAnova {
    /** The share of trials taken as "good", Optuna's default {@code target_quantile}. */
    static final double TOP_QUANTILE = 0.1;
    /** The top set needs at least two trials for its density to be more than one kernel. */
    static final int MIN_TOP = 2;
    /** Grid points on an ordered axis, Optuna's {@code n_steps}. */
    static final int GRID = 50;

    private PedAnova() {
    }

    /** One trial: its configuration and the value it reached. */
    public record Observation(Map<String, Object> configuration, double value) {
    }

    /**
     * Each varying parameter's importance (dotted name → share in [0, 1], all summing to 1; all 0
     * when no parameter tells the top trials apart), most important first. Configurations the
     * sweep's space cannot hold and non-finite values are left out; empty with fewer than
     * {@link #MIN_TOP} trials left or no varying parameter.
     */
    public static Map<String, Double> importance(SweepSpec spec, Goal goal, List<Observation> observations) {
        UnitCube cube = UnitCube.of(spec);
        List<double[]> points = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (Observation o : observations) {
            Optional<double[]> point = cube.point(o.configuration());
            if (point.isPresent() && Double.isFinite(o.value())) {
                points.add(point.get());
                values.add(o.value());
            }
        }
        int n = points.size();
        if (n < MIN_TOP || cube.dimensions() == 0) {
            return Map.of();
        }
        int top = Math.max(MIN_TOP, (int) Math.ceil(TOP_QUANTILE * n));
        List<double[]> best = IntStream.range(0, n).boxed()
                .sorted(Comparator.comparingDouble(i -> goal == Goal.MAXIMIZE ? -values.get(i) : values.get(i)))
                .limit(top).map(points::get).toList();
        double[] divergence = new double[cube.dimensions()];
        for (int axis = 0; axis < cube.dimensions(); axis++) {
            ParzenEstimator all = ParzenEstimator.smooth(cube, axis, points);
            ParzenEstimator good = ParzenEstimator.smooth(cube, axis, best);
            divergence[axis] = pearsonDivergence(grid(cube, axis, points), good, all);
        }
        double total = Arrays.stream(divergence).sum();
        List<String> names = cube.axisNames();
        Map<String, Double> shares = new LinkedHashMap<>();
        IntStream.range(0, names.size()).boxed()
                .sorted(Comparator.comparingDouble(a -> -divergence[a]))
                .forEach(a -> shares.put(names.get(a), total > 0 ? divergence[a] / total : 0.0));
        return shares;
    }

    /**
     * The points the densities are compared at: every value of a categorical axis; the values
     * trials took on an axis of few values (integers, quantised or listed numbers), where between
     * them the densities say nothing; else an even grid.
     */
    private static double[] grid(UnitCube cube, int axis, List<double[]> points) {
        if (cube.categoryPrior(axis).isPresent()) {
            return IntStream.range(0, cube.categoryPrior(axis).get().length).asDoubleStream().toArray();
        }
        double[] taken = points.stream().mapToDouble(p -> p[axis]).distinct().sorted().toArray();
        return taken.length <= GRID ? taken : IntStream.range(0, GRID).mapToDouble(i -> i / (GRID - 1.0)).toArray();
    }

    /** Σ p_all · (p_good / p_all − 1)² with both densities normalised over the grid, as Optuna sums it. */
    private static double pearsonDivergence(double[] grid, ParzenEstimator good, ParzenEstimator all) {
        double[] p = normalised(grid, all);
        double[] q = normalised(grid, good);
        double sum = 0;
        for (int i = 0; i < grid.length; i++) {
            double ratio = q[i] / p[i] - 1;
            sum += p[i] * ratio * ratio;
        }
        return sum;
    }

    private static double[] normalised(double[] grid, ParzenEstimator density) {
        double[] d = Arrays.stream(grid).map(x -> Math.exp(density.logDensity(new double[] {x}))).toArray();
        double total = Arrays.stream(d).sum();
        return Arrays.stream(d).map(v -> v / total).toArray();
    }

}
