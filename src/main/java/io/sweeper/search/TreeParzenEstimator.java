package io.sweeper.search;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * {@code bayes: {engine: tpe}}: the Tree-structured Parzen Estimator of Bergstra et al. (2011), with
 * the defaults of Optuna's TPESampler. The observations are split into the best
 * γ(n) = min(⌈0.1·n⌉, 25) and the rest; on each axis independently a {@link ParzenEstimator} l is
 * fitted to the best and g to the rest, 24 candidates are drawn from l, and the one maximising
 * l(x)/g(x) — which maximises expected improvement under the TPE model — is taken. Trials older
 * than the latest 25 of a group weigh less, linearly down to 1/n for the oldest. Pending trials
 * count among the rest (Optuna's "constant liar"), which steers parallel workers apart.
 */
final class TreeParzenEstimator implements BayesEngine {
    static final int EI_CANDIDATES = 24;
    /** Optuna's cap on γ(n), and the number of latest trials that keep full weight. */
    private static final int FULL_WEIGHT_TRIALS = 25;

    @Override
    public double[] next(UnitCube cube, Observations observations, SplittableRandom random) {
        int n = observations.size();
        Integer[] byLoss = IntStream.range(0, n).boxed()
                .sorted(Comparator.comparingDouble(observations.losses()::get)).toArray(Integer[]::new);
        int goodCount = Math.max(1, Math.min((int) Math.ceil(0.1 * n), FULL_WEIGHT_TRIALS));
        // Each group in trial order (observations are), so the weights can favour recent trials.
        List<double[]> good = Arrays.stream(byLoss, 0, goodCount).sorted()
                .map(observations.points()::get).toList();
        List<double[]> rest = Stream.concat(
                Arrays.stream(byLoss, goodCount, n).sorted().map(observations.points()::get),
                observations.pending().stream()).toList();
        double[] point = new double[cube.dimensions()];
        for (int axis = 0; axis < point.length; axis++) {
            point[axis] = nextCoordinate(cube, axis, good, rest, random);
        }
        return point;
    }

    private static double nextCoordinate(UnitCube cube, int axis, List<double[]> good, List<double[]> rest,
                                         SplittableRandom random) {
        ParzenEstimator below = estimator(cube, axis, good);
        ParzenEstimator above = estimator(cube, axis, rest);
        double chosen = Double.NaN;
        double chosenScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < EI_CANDIDATES; i++) {
            double candidate = below.sample(random);
            double score = below.logDensity(candidate) - above.logDensity(candidate);
            if (score > chosenScore || Double.isNaN(chosen)) {
                chosenScore = score;
                chosen = candidate;
            }
        }
        return cube.categoryPrior(axis).isPresent() ? cube.categoryCoordinate(axis, (int) chosen) : chosen;
    }

    private static ParzenEstimator estimator(UnitCube cube, int axis, List<double[]> trials) {
        double[] weights = weights(trials.size());
        double[] coordinates = trials.stream().mapToDouble(p -> p[axis]).toArray();
        return cube.categoryPrior(axis)
                .map(prior -> ParzenEstimator.categorical(
                        Arrays.stream(coordinates).mapToInt(u -> cube.categoryIndex(axis, u)).toArray(), weights, prior))
                .orElseGet(() -> ParzenEstimator.ordered(coordinates, weights));
    }

    /** Optuna's default weights for m trials in trial order: 1 for the latest 25, a ramp from 1/m before them. */
    static double[] weights(int m) {
        if (m <= FULL_WEIGHT_TRIALS) {
            double[] ones = new double[m];
            Arrays.fill(ones, 1);
            return ones;
        }
        int ramp = m - FULL_WEIGHT_TRIALS;
        return IntStream.range(0, m).mapToDouble(i -> i >= ramp ? 1
                : ramp == 1 ? 1.0 / m : 1.0 / m + i * (1 - 1.0 / m) / (ramp - 1)).toArray();
    }
}
