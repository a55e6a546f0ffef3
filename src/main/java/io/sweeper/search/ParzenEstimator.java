package io.sweeper.search;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.apache.commons.math3.special.Erf;

/**
 * A density over one axis of the {@link UnitCube}, estimated from the coordinates of some trials as
 * Optuna's TPESampler estimates it (univariate, with its default settings): a weighted mixture of
 * one kernel per trial plus one for the prior, which keeps every region possible.
 * <ul>
 *   <li>{@link #ordered}: Gaussian kernels truncated to [0, 1]; the prior's is centred at 0.5 with
 *       width 1 (the whole axis); a trial's width is the larger gap to its neighbours among all
 *       centres, clipped to [1 / min(100, kernels), 1] (Optuna's "magic clip").</li>
 *   <li>{@link #categorical}: each trial's kernel puts 1 on its own value and
 *       {@code priorWeight / (trials + 1)} spread over all values as the sweep's probabilities
 *       spread them (uniformly for plain {@code values}); the prior's kernel is those probabilities.</li>
 * </ul>
 * Because the axis is already the distribution's cumulative scale, a uniform kernel over it is the
 * sweep's own distribution: the prior of a normal, beta or log-scale parameter is that parameter's
 * distribution, not a flat one over its range.
 */
abstract sealed class ParzenEstimator permits ParzenEstimator.Ordered, ParzenEstimator.Categorical {
    static final double PRIOR_WEIGHT = 1.0;

    /** A coordinate drawn from the density. */
    abstract double sample(SplittableRandom random);

    abstract double logDensity(double coordinate);

    /**
     * @param coordinates the trials' coordinates on this axis
     * @param weights     one non-negative weight per trial
     */
    static ParzenEstimator ordered(double[] coordinates, double[] weights) {
        return new Ordered(coordinates, weights);
    }

    /**
     * @param categories the trials' value indices
     * @param prior      the sweep's probability of each value
     */
    static ParzenEstimator categorical(int[] categories, double[] weights, double[] prior) {
        return new Categorical(categories, weights, prior);
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

    static final class Ordered extends ParzenEstimator {
        private static final double PRIOR_CENTRE = 0.5;
        private static final double PRIOR_WIDTH = 1.0;
        private static final double SQRT2 = Math.sqrt(2);

        private final double[] centres;
        private final double[] widths;
        private final double[] logMixture;
        private final double[] mixture;
        /** Each kernel's mass inside [0, 1], which its truncated density is divided by. */
        private final double[] mass;

        private Ordered(double[] coordinates, double[] weights) {
            int n = coordinates.length;
            centres = Arrays.copyOf(coordinates, n + 1);
            centres[n] = PRIOR_CENTRE;
            widths = neighbourWidths(centres);
            widths[n] = PRIOR_WIDTH;
            mixture = mixtureWeights(weights);
            logMixture = Arrays.stream(mixture).map(Math::log).toArray();
            mass = IntStream.range(0, n + 1).mapToDouble(i -> 0.5 * Erf.erf(
                    (0 - centres[i]) / (widths[i] * SQRT2), (1 - centres[i]) / (widths[i] * SQRT2))).toArray();
        }

        private static double[] neighbourWidths(double[] centres) {
            int n = centres.length;
            double[] widths = new double[n];
            Integer[] order = IntStream.range(0, n).boxed().sorted((a, b) -> Double.compare(centres[a], centres[b]))
                    .toArray(Integer[]::new);
            double minWidth = PRIOR_WIDTH / Math.min(100.0, n);
            for (int rank = 0; rank < n; rank++) {
                double below = rank > 0 ? centres[order[rank]] - centres[order[rank - 1]] : 0;
                double above = rank < n - 1 ? centres[order[rank + 1]] - centres[order[rank]] : 0;
                double width = n == 1 ? PRIOR_WIDTH : Math.max(below, above);
                widths[order[rank]] = Math.max(minWidth, Math.min(PRIOR_WIDTH, width));
            }
            return widths;
        }

        @Override
        double sample(SplittableRandom random) {
            int k = pick(mixture, random);
            double low = normalCdf(-centres[k] / widths[k]);
            double p = low + random.nextDouble() * mass[k];
            double x = centres[k] + widths[k] * SQRT2 * Erf.erfInv(2 * p - 1);
            return Math.max(0, Math.min(1, x));
        }

        @Override
        double logDensity(double x) {
            double[] terms = new double[centres.length];
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < centres.length; i++) {
                double z = (x - centres[i]) / widths[i];
                terms[i] = logMixture[i] - 0.5 * z * z - Math.log(widths[i] * Math.sqrt(2 * Math.PI) * mass[i]);
                max = Math.max(max, terms[i]);
            }
            double sum = 0;
            for (double term : terms) {
                sum += Math.exp(term - max);
            }
            return max + Math.log(sum);
        }

        private static double normalCdf(double z) {
            return 0.5 * Erf.erfc(-z / SQRT2);
        }
    }

    static final class Categorical extends ParzenEstimator {
        private final double[] probabilities;

        private Categorical(int[] categories, double[] weights, double[] prior) {
            int choices = prior.length;
            double[] mixture = mixtureWeights(weights);
            double smoothing = PRIOR_WEIGHT / (categories.length + 1);
            probabilities = new double[choices];
            double rowTotal = 1 + smoothing * choices * Arrays.stream(prior).sum();
            for (int i = 0; i < categories.length; i++) {
                for (int c = 0; c < choices; c++) {
                    double kernel = smoothing * choices * prior[c] + (c == categories[i] ? 1 : 0);
                    probabilities[c] += mixture[i] * kernel / rowTotal;
                }
            }
            for (int c = 0; c < choices; c++) {
                probabilities[c] += mixture[categories.length] * prior[c];
            }
        }

        /** An index, returned as a double so both kinds share one interface. */
        @Override
        double sample(SplittableRandom random) {
            return pick(probabilities, random);
        }

        @Override
        double logDensity(double category) {
            return Math.log(probabilities[(int) category]);
        }
    }
}
