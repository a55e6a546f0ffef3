package io.sweeper.search;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.apache.commons.math3.special.Erf;

/**
 * A density over some axes of the {@link UnitCube}, estimated from the coordinates of some trials as
 * Optuna's TPESampler estimates it: a weighted mixture of one kernel per trial plus one for the
 * prior, which keeps every region possible. Over several axes (Optuna's {@code multivariate}, its
 * default) a kernel is the product of one kernel per axis, so the density keeps which values
 * occurred together; over one axis it is Optuna's independent estimator.
 * <ul>
 *   <li>Ordered axes: Gaussian kernels truncated to [0, 1]; the prior's is centred at 0.5 with width
 *       1 (the whole axis). A trial's width comes from the gaps to its neighbours among the trials
 *       (see {@link OrderedKernels#neighbourWidths}), jointly as alone — as Optuna 5.1 does in
 *       both modes — clipped to [1 / min(100, trials + 2), 1] (Optuna's "magic clip"). The prior's
 *       centre is not a neighbour: it would narrow the kernels of the trials around the middle.</li>
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
        this(cube, axes, trials, weights, false);
    }

    /**
     * One axis's density with Scott's widths (0.2 · n^(−1/5), Optuna's factor) rather than
     * neighbour gaps: smooth whatever the
     * number of trials, so two densities of the same axis from 20 and from 200 trials differ by
     * where their trials are, not by how wiggly they are (what {@link PedAnova} compares).
     */
    static ParzenEstimator smooth(UnitCube cube, int axis, List<double[]> trials) {
        double[] weights = new double[trials.size()];
        Arrays.fill(weights, 1.0);
        return new ParzenEstimator(cube, new int[] {axis}, trials, weights, true);
    }

    /** @param scottWidths Scott's widths on ordered axes instead of neighbour gaps (one axis only) */
    private ParzenEstimator(UnitCube cube, int[] axes, List<double[]> trials, double[] weights, boolean scottWidths) {
        this.kernels = Arrays.stream(axes).mapToObj(axis -> {
            double[] coordinates = trials.stream().mapToDouble(p -> p[axis]).toArray();
            return cube.categoryPrior(axis)
                    .<AxisKernels>map(prior -> new CategoricalKernels(
                            Arrays.stream(coordinates).mapToInt(u -> cube.categoryIndex(axis, u)).toArray(), prior))
                    .orElseGet(() -> new OrderedKernels(coordinates, scottWidths));
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
        private static final double SCOTT_FACTOR = 0.2;

        private final double[] centres;
        private final double[] widths;
        /** Each kernel's log normalisation: its Gaussian's and its mass inside [0, 1], which it is truncated to. */
        private final double[] logNorm;
        private final double[] lowCdf;
        private final double[] mass;

        OrderedKernels(double[] coordinates, boolean scottWidths) {
            int n = coordinates.length;
            centres = Arrays.copyOf(coordinates, n + 1);
            centres[n] = PRIOR_CENTRE;
            widths = new double[n + 1];
            if (scottWidths) {
                Arrays.fill(widths, SCOTT_FACTOR * Math.pow(Math.max(n, 1), -1.0 / 5));
            } else {
                System.arraycopy(neighbourWidths(coordinates), 0, widths, 0, n);
            }
            // Optuna's "magic clip": no kernel narrower than the axis over min(100, kernels + 1).
            double minWidth = PRIOR_WIDTH / Math.min(100.0, n + 2);
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

        /**
         * Each trial's width: the larger gap to its neighbours among the trials, the axis's ends
         * counting as neighbours — except that the lowest and the highest trial, when there are
         * two or more, take the gap to their one inner neighbour (Optuna's consider_endpoints=False),
         * so a trial near an end is not widened by the empty stretch beyond it.
         */
        private static double[] neighbourWidths(double[] coordinates) {
            int n = coordinates.length;
            Integer[] order = IntStream.range(0, n).boxed()
                    .sorted((a, b) -> Double.compare(coordinates[a], coordinates[b])).toArray(Integer[]::new);
            double[] sorted = new double[n + 2];
            sorted[n + 1] = 1;
            for (int rank = 0; rank < n; rank++) {
                sorted[rank + 1] = coordinates[order[rank]];
            }
            double[] widths = new double[n];
            for (int rank = 0; rank < n; rank++) {
                double below = sorted[rank + 1] - sorted[rank];
                double above = sorted[rank + 2] - sorted[rank + 1];
                boolean outermost = n >= 2 && (rank == 0 || rank == n - 1);
                widths[order[rank]] = !outermost ? Math.max(below, above) : rank == 0 ? above : below;
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
