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
 * γ(n) = min(⌈0.1·n⌉, 25) and the rest; a {@link ParzenEstimator} l is fitted to the best and g to
 * the rest, 24 candidates are drawn from l, and the one maximising l(x)/g(x) — which maximises
 * expected improvement under the TPE model — is taken. By default (as Optuna 5's) the parameters
 * are modelled jointly (Falkner et al., 2018), which can follow parameters that only work in
 * combination, such as a learning rate and a dropout, and finds better configurations on the
 * benchmarks of bench/peers; {@code multivariate: false} models each parameter on its own. Trials older
 * than the latest 25 of a group weigh less, linearly down to 1/n for the oldest. Pending trials
 * count among the rest (Optuna's "constant liar"), which steers parallel workers apart.
 */
final class TreeParzenEstimator implements BayesEngine {
    static final int EI_CANDIDATES = 24;
    /** Optuna's cap on γ(n), and the number of latest trials that keep full weight. */
    private static final int FULL_WEIGHT_TRIALS = 25;

    private final boolean multivariate;

    /** @param multivariate one joint estimator over all parameters (Optuna's option) instead of one per parameter */
    TreeParzenEstimator(boolean multivariate) {
        this.multivariate = multivariate;
    }

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
        for (int[] axes : axisGroups(cube.dimensions())) {
            double[] chosen = nextCoordinates(cube, axes, good, rest, random);
            for (int a = 0; a < axes.length; a++) {
                int axis = axes[a];
                point[axis] = cube.categoryPrior(axis).isPresent()
                        ? cube.categoryCoordinate(axis, (int) chosen[a]) : chosen[a];
            }
        }
        return point;
    }

    /** The axes modelled together: all of them when multivariate, else each alone. */
    private List<int[]> axisGroups(int dimensions) {
        return multivariate
                ? List.of(IntStream.range(0, dimensions).toArray())
                : IntStream.range(0, dimensions).mapToObj(axis -> new int[] {axis}).toList();
    }

    private static double[] nextCoordinates(UnitCube cube, int[] axes, List<double[]> good, List<double[]> rest,
                                            SplittableRandom random) {
        ParzenEstimator below = new ParzenEstimator(cube, axes, good, weights(good.size()));
        ParzenEstimator above = new ParzenEstimator(cube, axes, rest, weights(rest.size()));
        double[] chosen = null;
        double chosenScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < EI_CANDIDATES; i++) {
            double[] candidate = below.sample(random);
            double score = below.logDensity(candidate) - above.logDensity(candidate);
            if (score > chosenScore || chosen == null) {
                chosenScore = score;
                chosen = candidate;
            }
        }
        return chosen;
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
