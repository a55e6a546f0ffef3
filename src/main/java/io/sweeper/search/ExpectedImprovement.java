package io.sweeper.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

import org.apache.commons.math3.special.Erf;

/**
 * W&amp;B's {@code bayes}: a {@link MaternProcess} fitted to (a subsample of) the observations, and
 * the point of highest expected improvement over the best loss among 1000 points drawn uniformly
 * from the cube. As in W&amp;B:
 * <ul>
 *   <li>over 100 observations, a random 100 of them are fitted (the fit is cubic in their number);</li>
 *   <li>pending trials (at most 95) are imputed with the fitted process's prediction and the
 *       process is fitted again with them ("kriging believer"), so parallel workers are not all
 *       sent to the same place. Unlike W&amp;B, the second fit keeps the first's length scale: the
 *       believed values are the process's own predictions and say nothing new about it, and the
 *       likelihood search is most of a suggestion's cost;</li>
 *   <li>when the fitted length scale sits on its bound the fit says nothing, and a random point
 *       of the cube is suggested instead.</li>
 * </ul>
 */
final class ExpectedImprovement implements BayesEngine {
    static final int MAX_FITTED = 100;
    static final int MAX_PENDING = MAX_FITTED - 5;
    static final int CANDIDATES = 1000;
    private static final int REFINE_STEPS = 300;
    private static final double INITIAL_STEP = 0.05;
    private static final double MIN_STEP = 1e-6;
    /** With doubling on success, the 1/5 success rule's shrink: 2^(−1/4). */
    private static final double SHRINK = Math.pow(2, -0.25);
    private static final double EDGE = 0x1.0p-53;
    /** W&amp;B's guard against a zero predicted spread. */
    private static final double SPREAD_FLOOR = 1e-6;

    @Override
    public double[] next(UnitCube cube, Observations observations, SplittableRandom random) {
        List<Integer> fitted = subsample(observations.size(), random);
        List<double[]> points = new ArrayList<>();
        List<Double> losses = new ArrayList<>();
        fitted.forEach(i -> {
            points.add(observations.points().get(i));
            losses.add(observations.losses().get(i));
        });
        MaternProcess process = MaternProcess.fit(points, losses);
        List<double[]> pending = observations.pending().subList(0, Math.min(MAX_PENDING, observations.pending().size()));
        if (!pending.isEmpty()) {
            for (double[] point : pending) {
                points.add(point);
                losses.add(process.mean(point));
            }
            process = process.refit(points, losses);
        }
        if (process.lengthScaleAtBound()) {
            return cube.uniformPoint(random);
        }
        double best = process.standardise(observations.bestLoss());
        MaternProcess fittedProcess = process;
        ToDoubleFunction<double[]> improvement = point -> expectedImprovement(fittedProcess.predict(point), best);
        double[] chosen = null;
        double chosenImprovement = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < CANDIDATES; i++) {
            double[] candidate = cube.uniformPoint(random);
            double value = improvement.applyAsDouble(candidate);
            if (value > chosenImprovement) {
                chosenImprovement = value;
                chosen = candidate;
            }
        }
        return refine(chosen, chosenImprovement, improvement, random);
    }

    /**
     * The best candidate moved uphill by a (1+1) evolution strategy: random Gaussian steps, kept
     * when they improve, the step doubling on success and shrinking on failure. A thousand uniform
     * points leave the acquisition's peak only to about 1000^(−1/d) of an axis, which caps how
     * close the search gets to an optimum; a few hundred local steps find the peak itself.
     */
    private static double[] refine(double[] start, double startValue, ToDoubleFunction<double[]> acquisition,
                                   SplittableRandom random) {
        double[] x = start;
        double value = startValue;
        double step = INITIAL_STEP;
        for (int i = 0; i < REFINE_STEPS && step > MIN_STEP; i++) {
            double[] next = new double[x.length];
            for (int d = 0; d < x.length; d++) {
                next[d] = Math.max(EDGE, Math.min(1 - EDGE, x[d] + step * random.nextGaussian()));
            }
            double nextValue = acquisition.applyAsDouble(next);
            if (nextValue > value) {
                x = next;
                value = nextValue;
                step *= 2;
            } else {
                step *= SHRINK;
            }
        }
        return x;
    }

    /** E[max(0, best − f)] for f ~ N(mean, sd²), with W&amp;B's floor on sd in z. */
    static double expectedImprovement(double[] meanAndSd, double best) {
        double gap = best - meanAndSd[0];
        double sd = meanAndSd[1];
        double z = gap / (sd + SPREAD_FLOOR);
        double cdf = 0.5 * Erf.erfc(-z / Math.sqrt(2));
        double pdf = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
        return gap * cdf + sd * pdf;
    }

    /** The indices of the observations to fit: all, or a random {@link #MAX_FITTED} of them in index order. */
    private static List<Integer> subsample(int size, SplittableRandom random) {
        int[] indices = IntStream.range(0, size).toArray();
        if (size > MAX_FITTED) {
            for (int i = 0; i < MAX_FITTED; i++) {
                int j = i + random.nextInt(size - i);
                int swap = indices[i];
                indices[i] = indices[j];
                indices[j] = swap;
            }
            Arrays.sort(indices, 0, MAX_FITTED);
        }
        return Arrays.stream(indices, 0, Math.min(size, MAX_FITTED)).boxed().toList();
    }
}
