package io.sweeper.search;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;

/**
 * A Gaussian process regression fitted as W&amp;B's Bayesian search fits one (scikit-learn's
 * {@code GaussianProcessRegressor} with a {@code Matern(nu=1.5)} kernel): the targets are
 * standardised (mean 0, standard deviation 1), the kernel has unit amplitude and one length scale
 * for every axis, a nugget of 1e-7 keeps the covariance positive definite, and the length scale is
 * the one in [1e-5, 1e5] that maximises the log marginal likelihood. With a single
 * hyperparameter the likelihood is maximised by a scan of log ℓ followed by Brent's method around
 * the best scan point, which finds the global maximum that scikit-learn's L-BFGS restarts look
 * for, in a few dozen Cholesky factorisations.
 */
final class MaternProcess {
    static final double NUGGET = 1e-7;
    private static final double LOG_MIN_LENGTH = Math.log(1e-5);
    private static final double LOG_MAX_LENGTH = Math.log(1e5);
    private static final double[] SCAN = scanPoints();
    /** scikit-learn's standard-deviation floor, which W&amp;B adds to the targets' spread. */
    private static final double SPREAD_FLOOR = 1e-6;
    private static final double SQRT3 = Math.sqrt(3);

    private final double[][] x;
    private final double logLength;
    private final double targetMean;
    private final double targetSpread;
    private final double[] alpha;
    private final double[][] inverse;

    private MaternProcess(double[][] x, double logLength, double targetMean, double targetSpread,
                          double[] alpha, double[][] inverse) {
        this.x = x;
        this.logLength = logLength;
        this.targetMean = targetMean;
        this.targetSpread = targetSpread;
        this.alpha = alpha;
        this.inverse = inverse;
    }

    /** The process fitted to targets {@code y} at points {@code x} (at least one), its length scale included. */
    static MaternProcess fit(List<double[]> points, List<Double> targets) {
        return fit(points, targets, OptionalDouble.empty());
    }

    /** A process with this one's length scale fitted to other data. */
    MaternProcess refit(List<double[]> points, List<Double> targets) {
        return fit(points, targets, OptionalDouble.of(logLength));
    }

    private static MaternProcess fit(List<double[]> points, List<Double> targets, OptionalDouble fixedLogLength) {
        double[][] x = points.toArray(double[][]::new);
        double[] y = targets.stream().mapToDouble(Double::doubleValue).toArray();
        double mean = y.length == 1 ? y[0] : Arrays.stream(y).average().orElseThrow();
        double spread = y.length == 1 ? 1 : Math.sqrt(Arrays.stream(y).map(v -> (v - mean) * (v - mean)).sum() / y.length)
                + SPREAD_FLOOR;
        RealVector standardised = MatrixUtils.createRealVector(Arrays.stream(y).map(v -> (v - mean) / spread).toArray());
        double[][] distances = distances(x);
        double logLength = fixedLogLength.orElseGet(() -> bestLogLength(distances, standardised));
        DecompositionSolver solver = cholesky(distances, logLength).orElseThrow().getSolver();
        return new MaternProcess(x, logLength, mean, spread, solver.solve(standardised).toArray(),
                solver.getInverse().getData());
    }

    /** Whether the fitted length scale sits on a bound: W&amp;B then distrusts the fit. */
    boolean lengthScaleAtBound() {
        return logLength - LOG_MIN_LENGTH < 1e-3 || LOG_MAX_LENGTH - logLength < 1e-3;
    }

    double lengthScale() {
        return Math.exp(logLength);
    }

    /** The standardised target a raw one corresponds to. */
    double standardise(double y) {
        return (y - targetMean) / targetSpread;
    }

    /** The posterior mean at {@code point} in raw target units. */
    double mean(double[] point) {
        return targetMean + targetSpread * predict(point)[0];
    }

    /** {standardised posterior mean, standardised posterior standard deviation} at {@code point}. */
    double[] predict(double[] point) {
        int n = x.length;
        double[] k = new double[n];
        for (int i = 0; i < n; i++) {
            k[i] = matern(distance(point, x[i]) / Math.exp(logLength));
        }
        double mean = 0;
        double explained = 0;
        for (int i = 0; i < n; i++) {
            mean += k[i] * alpha[i];
            double row = 0;
            for (int j = 0; j < n; j++) {
                row += inverse[i][j] * k[j];
            }
            explained += k[i] * row;
        }
        return new double[] {mean, Math.sqrt(Math.max(0, 1 - explained))};
    }

    private static double bestLogLength(double[][] distances, RealVector y) {
        double[] scan = SCAN;
        int best = 0;
        double bestLikelihood = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < scan.length; i++) {
            double likelihood = logMarginalLikelihood(distances, y, scan[i]);
            if (likelihood > bestLikelihood) {
                bestLikelihood = likelihood;
                best = i;
            }
        }
        double low = scan[Math.max(0, best - 1)];
        double high = scan[Math.min(scan.length - 1, best + 1)];
        double refined = new BrentOptimizer(1e-6, 1e-4).optimize(new MaxEval(200),
                new UnivariateObjectiveFunction(t -> logMarginalLikelihood(distances, y, t)),
                GoalType.MAXIMIZE, new SearchInterval(low, high, scan[best])).getPoint();
        // Brent's answer is never worse than its start in theory; the scan point guards against a flat ridge.
        return logMarginalLikelihood(distances, y, refined) >= bestLikelihood ? refined : scan[best];
    }

    /**
     * Where the likelihood is scanned: the bounds, and every half unit of log ℓ where it can
     * change. Points of the cube are at most √d ≤ 10 apart for a sweep's handful of parameters,
     * and closer than 1e-3 only when (nearly) equal, so below ℓ = 1e-3 the covariance is the
     * identity and above 100 all ones: the likelihood is flat there, and peaks between can be
     * narrow (a coarse scan of six noise-free points of a parabola misses its peak).
     */
    private static double[] scanPoints() {
        double low = Math.log(1e-3);
        double high = Math.log(1e2);
        int steps = (int) Math.ceil((high - low) / 0.5);
        double[] scan = new double[steps + 3];
        scan[0] = LOG_MIN_LENGTH;
        for (int i = 0; i <= steps; i++) {
            scan[i + 1] = low + i * (high - low) / steps;
        }
        scan[steps + 2] = LOG_MAX_LENGTH;
        return scan;
    }

    /** log p(y | ℓ) = −½ yᵀK⁻¹y − ½ log|K| − n/2 log 2π; −∞ where K is numerically singular. */
    private static double logMarginalLikelihood(double[][] distances, RealVector y, double logLength) {
        return cholesky(distances, logLength).map(c -> {
            double fit = y.dotProduct(c.getSolver().solve(y));
            RealMatrix lower = c.getL();
            double logDeterminant = 0;
            for (int i = 0; i < y.getDimension(); i++) {
                logDeterminant += 2 * Math.log(lower.getEntry(i, i));
            }
            return -0.5 * fit - 0.5 * logDeterminant - 0.5 * y.getDimension() * Math.log(2 * Math.PI);
        }).orElse(Double.NEGATIVE_INFINITY);
    }

    private static Optional<CholeskyDecomposition> cholesky(double[][] distances, double logLength) {
        int n = distances.length;
        double length = Math.exp(logLength);
        double[][] covariance = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                covariance[i][j] = matern(distances[i][j] / length) + (i == j ? NUGGET : 0);
            }
        }
        try {
            return Optional.of(new CholeskyDecomposition(MatrixUtils.createRealMatrix(covariance),
                    CholeskyDecomposition.DEFAULT_RELATIVE_SYMMETRY_THRESHOLD, NUGGET / 10));
        } catch (MathIllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Matérn ν = 3/2 at scaled distance r: (1 + √3 r) e^(−√3 r). */
    private static double matern(double r) {
        return (1 + SQRT3 * r) * Math.exp(-SQRT3 * r);
    }

    private static double[][] distances(double[][] x) {
        double[][] d = new double[x.length][x.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = i + 1; j < x.length; j++) {
                d[i][j] = distance(x[i], x[j]);
                d[j][i] = d[i][j];
            }
        }
        return d;
    }

    private static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(sum);
    }
}
