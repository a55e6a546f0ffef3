package io.sweeper.search;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.apache.commons.math3.special.Erf;

/**
 * A density over some axes of the {@link UnitCube}, estimated from the coordinates of some trials as
 * Optuna's TPESampler estimates it: a weighted mixture of one kernel per trial plus one for the
 * prior, which keeps every region possible. Over several axes (Optuna's {@code multivariate}) a
 * kernel is the product of one kernel per axis, so the density keeps which values occurred
 * together; over one axis it is Optuna's default, independent estimator.
 * <ul>
 *   <li>Ordered axes: Gaussian kernels truncated to [0, 1]; the prior's is centred at 0.5 with width
 *       1 (the whole axis). Alone, a trial's width is the larger gap to its neighbours among all
 *       centres; jointly, every trial's width is Scott's rule as Optuna applies it,
 *       0.2 · n^(−1/(d+4)) for n trials in d dimensions. Either is clipped to
 *       [1 / min(100, kernels), 1] (Optuna's "magic clip").</li>
 *   <li>Categorical axes: each trial's kernel puts 1 on its own value and
 *       {@code priorWeight / (trials + 1)} spread over all values as the sweep's probabilities
 *       spread them (uniformly for plain {@code values}); the prior's kernel is those probabilities.</li>
 * </ul>
 * Because an axis is already the distribution's cumulative scale, a uniform kernel over it is the
 * sweep's own distribution: the prior of a normal, beta or log-scale parameter is that parameter's
 * distribution, not a flat one over its range.
 */
final class ParzenEstimator {
    static final double PRIOR_WEIGHT = 1.0;
    private static final double SCOTT_FACTOR = 0.2;

    /** One per covered axis, in the order of the axes. */
    private final List<AxisKernels> kernels;
    private final double[] mixture;
    private final double[] logMixture;

    /**
     * @param axes    the cube's axes this density covers; more than one makes it joint
     * @param trials  the trials' points (all axes of the cube)
     * @param weights one non-negative weight per trial
     */
    ParzenEstimator(UnitCube cube, int[] axes, List<double[]> trials, double[] weights) {
        this(cube, axes, trials, weights, axes.length > 1 ? cube.dimensions() : 0);
    }

    /**
     * One axis's density with Scott's widths rather than neighbour gaps: smooth whatever the
     * number of trials, so two densities of the same axis from 20 and from 200 trials differ by
     * where their trials are, not by how wiggly they are (what {@link PedAnova} compares).
     */
    static ParzenEstimator smooth(UnitCube cube, int axis, List<double[]> trials) {
        double[] weights = new double[trials.size()];
        Arrays.fill(weights, 1.0);
        return new ParzenEstimator(cube, new int[] {axis}, trials, weights, 1);
    }

    /** @param scottDimensions the dimensions of Scott's widths on ordered axes, or 0 for neighbour gaps */
    private ParzenEstimator(UnitCube cube, int[] axes, List<double[]> trials, double[] weights, int scottDimensions) {
        this.kernels = Arrays.stream(axes).mapToObj(axis -> {
            double[] coordinates = trials.stream().mapToDouble(p -> p[axis]).toArray();
            return cube.categoryPrior(axis)
                    .<AxisKernels>map(prior -> new CategoricalKernels(
                            Arrays.stream(coordinates).mapToInt(u -> cube.categoryIndex(axis, u)).toArray(), prior))
                    .orElseGet(() -> new OrderedKernels(coordinates, scottDimensions));
        }).toList();
        this.mixture = mixtureWeights(weights);
        this.logMixture = Arrays.stream(mixture).map(Math::log).toArray();
    }

    /** A point drawn from the density: one coordinate per covered axis, a value index on categorical ones. */
    double[] sample(SplittableRandom random) {
        int kernel = pick(mixture, random);
        return kernels.stream().mapToDouble(k -> k.sample(kernel, random)).toArray();
    }

    /** @param x a point as {@link #sample} returns them */
    double logDensity(double[] x) {
        double[] terms = new double[mixture.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int kernel = 0; kernel < terms.length; kernel++) {
            terms[kernel] = logMixture[kernel];
            for (int a = 0; a < x.length; a++) {
                terms[kernel] += kernels.get(a).logDensity(kernel, x[a]);
            }
            max = Math.max(max, terms[kernel]);
        }
        double sum = 0;
        for (double term : terms) {
            sum += Math.exp(term - max);
        }
        return max + Math.log(sum);
    }

    /** Mixture weights: the trials' weights and {@link #PRIOR_WEIGHT} last, summing to 1. */
    private static double[] mixtureWeights(double[] weights) {
        double[] mixture = Arrays.copyOf(weights, weights.length + 1);
        mixture[weights.length] = PRIOR_WEIGHT;
        double total = Arrays.stream(mixture).sum();
        return Arrays.stream(mixture).map(w -> w / total).toArray();
    }

    private static int pick(double[] probabilities, SplittableRandom random) {
        double u = random.nextDouble();
        double cumulative = 0;
        for (int i = 0; i < probabilities.length; i++) {
            cumulative += probabilities[i];
            if (u < cumulative) {
                return i;
            }
        }
        // A sum a hair under 1 leaves a sliver at the top: it belongs to the last possible entry.
        return IntStream.range(0, probabilities.length).filter(i -> probabilities[i] > 0).max().orElseThrow();
    }

    /** The kernels of one axis: one per trial, the prior's last. */
    private sealed interface AxisKernels permits OrderedKernels, CategoricalKernels {
        double sample(int kernel, SplittableRandom random);

        double logDensity(int kernel, double x);
    }

    private static final class OrderedKernels implements AxisKernels {
        private static final double PRIOR_CENTRE = 0.5;
        private static final double PRIOR_WIDTH = 1.0;
        private static final double SQRT2 = Math.sqrt(2);

        private final double[] centres;
        private final double[] widths;
        /** Each kernel's log normalisation: its Gaussian's and its mass inside [0, 1], which it is truncated to. */
        private final double[] logNorm;
        private final double[] lowCdf;
        private final double[] mass;

        /** @param jointDimensions the cube's dimensions for Scott's widths, or 0 for neighbour gaps */
        OrderedKernels(double[] coordinates, int jointDimensions) {
            int n = coordinates.length;
            centres = Arrays.copyOf(coordinates, n + 1);
            centres[n] = PRIOR_CENTRE;
            double minWidth = PRIOR_WIDTH / Math.min(100.0, n + 1);
            widths = jointDimensions > 0
                    ? scottWidths(n, jointDimensions)
                    : neighbourWidths(centres);
            for (int i = 0; i < n; i++) {
                widths[i] = Math.max(minWidth, Math.min(PRIOR_WIDTH, widths[i]));
            }
            widths[n] = PRIOR_WIDTH;
            lowCdf = IntStream.range(0, n + 1).mapToDouble(i -> normalCdf(-centres[i] / widths[i])).toArray();
            mass = IntStream.range(0, n + 1).mapToDouble(i -> 0.5 * Erf.erf(
                    (0 - centres[i]) / (widths[i] * SQRT2), (1 - centres[i]) / (widths[i] * SQRT2))).toArray();
            logNorm = IntStream.range(0, n + 1)
                    .mapToDouble(i -> Math.log(widths[i] * Math.sqrt(2 * Math.PI) * mass[i])).toArray();
        }

        private static double[] scottWidths(int trials, int dimensions) {
            double[] widths = new double[trials + 1];
            Arrays.fill(widths, SCOTT_FACTOR * Math.pow(Math.max(trials, 1), -1.0 / (dimensions + 4)));
            return widths;
        }

        private static double[] neighbourWidths(double[] centres) {
            int n = centres.length;
            double[] widths = new double[n];
            Integer[] order = IntStream.range(0, n).boxed().sorted((a, b) -> Double.compare(centres[a], centres[b]))
                    .toArray(Integer[]::new);
            for (int rank = 0; rank < n; rank++) {
                double below = rank > 0 ? centres[order[rank]] - centres[order[rank - 1]] : 0;
                double above = rank < n - 1 ? centres[order[rank + 1]] - centres[order[rank]] : 0;
                widths[order[rank]] = n == 1 ? PRIOR_WIDTH : Math.max(below, above);
            }
            return widths;
        }

        @Override
        public double sample(int k, SplittableRandom random) {
            double p = lowCdf[k] + random.nextDouble() * mass[k];
            double x = centres[k] + widths[k] * SQRT2 * Erf.erfInv(2 * p - 1);
            return Math.max(0, Math.min(1, x));
        }

        @Override
        public double logDensity(int k, double x) {
            double z = (x - centres[k]) / widths[k];
            return -0.5 * z * z - logNorm[k];
        }

        private static double normalCdf(double z) {
            return 0.5 * Erf.erfc(-z / SQRT2);
        }
    }

    private static final class CategoricalKernels implements AxisKernels {
        /** logProbabilities[kernel][value]. */
        private final double[][] logProbabilities;
        private final double[][] probabilities;

        /** @param prior the sweep's probability of each value */
        CategoricalKernels(int[] categories, double[] prior) {
            int choices = prior.length;
            double smoothing = PRIOR_WEIGHT / (categories.length + 1);
            double rowTotal = 1 + smoothing * choices * Arrays.stream(prior).sum();
            probabilities = new double[categories.length + 1][];
            for (int i = 0; i < categories.length; i++) {
                int own = categories[i];
                probabilities[i] = IntStream.range(0, choices)
                        .mapToDouble(c -> (smoothing * choices * prior[c] + (c == own ? 1 : 0)) / rowTotal).toArray();
            }
            probabilities[categories.length] = prior.clone();
            logProbabilities = Arrays.stream(probabilities)
                    .map(row -> Arrays.stream(row).map(Math::log).toArray()).toArray(double[][]::new);
        }

        /** A value index, returned as a double so both kinds share one interface. */
        @Override
        public double sample(int kernel, SplittableRandom random) {
            return pick(probabilities[kernel], random);
        }

        @Override
        public double logDensity(int kernel, double category) {
            return logProbabilities[kernel][(int) category];
        }
    }
}
