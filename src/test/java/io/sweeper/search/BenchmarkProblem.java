package io.sweeper.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

import io.sweeper.sweep.SweepFiles;
import io.sweeper.sweep.SweepSpec;
import io.sweeper.sweep.TrialState;

/**
 * Standard test functions for search methods, with their known minimum, as sweeps to minimise:
 * shared by {@code TreeParzenEstimatorRegretTest} and bench/peers search (bench/PeersSearch.java),
 * whose Optuna side (bench/peers_search.py) defines the same functions over the same ranges.
 */
public enum BenchmarkProblem {
    /** Branin–Hoo over [−5, 10] × [0, 15]: three global minima of 0.397887. */
    BRANIN("""
            x1: {min: -5.0, max: 10.0}
              x2: {min: 0.0, max: 15.0}""", 0.397887357729738, BenchmarkProblem::branin),
    /** Hartmann-6 over [0, 1]^6: one global minimum of −3.32237 among several local ones. */
    HARTMANN6("""
            x1: {min: 0.0, max: 1.0}
              x2: {min: 0.0, max: 1.0}
              x3: {min: 0.0, max: 1.0}
              x4: {min: 0.0, max: 1.0}
              x5: {min: 0.0, max: 1.0}
              x6: {min: 0.0, max: 1.0}""", -3.32236801141551, BenchmarkProblem::hartmann6),
    /**
     * A bowl over a linear, a log-scale and an integer axis, x and lr coupled, plus an offset per
     * category: minimum 0 at x = 1.5, lr = 10^−2.5, n = 7, kind = b.
     */
    MIXED4("""
            x: {min: -5.0, max: 5.0}
              lr: {distribution: log_uniform_values, min: 0.0001, max: 1.0}
              n: {min: 1, max: 20}
              kind: {values: [a, b, c, d]}""", 0.0, BenchmarkProblem::mixed4);

    private static final double[][] HARTMANN_A = {
            {10, 3, 17, 3.5, 1.7, 8}, {0.05, 10, 17, 0.1, 8, 14}, {3, 3.5, 1.7, 10, 17, 8}, {17, 8, 0.05, 10, 0.1, 14}};
    private static final double[][] HARTMANN_P = {
            {0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886}, {0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991},
            {0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650}, {0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381}};
    private static final double[] HARTMANN_ALPHA = {1.0, 1.2, 3.0, 3.2};
    private static final Map<String, Double> MIXED4_OFFSETS = Map.of("a", 0.5, "b", 0.0, "c", 1.0, "d", 0.3);

    private final String parameters;
    private final double optimum;
    private final ToDoubleFunction<Map<String, Object>> objective;

    BenchmarkProblem(String parameters, double optimum, ToDoubleFunction<Map<String, Object>> objective) {
        this.parameters = parameters;
        this.optimum = optimum;
        this.objective = objective;
    }

    /** The problem as a {@code method: bayes} sweep minimising {@code loss}; other methods ignore the method. */
    public SweepSpec spec(String bayesKey) {
        return SweepFiles.parse("program: objective\nmethod: bayes\n" + bayesKey + "\nmetric: {name: loss, goal: minimize}\n"
                + "parameters:\n  " + parameters + "\n", name().toLowerCase() + ".yaml").spec();
    }

    /**
     * Runs {@code method} for {@code trials} trials, one after the other, each finished with its
     * value before the next is asked for.
     *
     * @return the simple regret after each trial: the best value so far minus the optimum
     */
    public double[] regret(SweepSpec spec, SearchMethod method, int trials) {
        List<TrialRecord> history = new ArrayList<>();
        double[] regret = new double[trials];
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < trials; i++) {
            Map<String, Object> config = method.suggest(spec, history).orElseThrow();
            double value = objective.applyAsDouble(config);
            best = Math.min(best, value);
            regret[i] = Math.max(0, best - optimum);
            history.add(new TrialRecord(i, config, TrialState.FINISHED, Optional.of(value)));
        }
        return regret;
    }

    private static double branin(Map<String, Object> c) {
        double x1 = (Double) c.get("x1");
        double x2 = (Double) c.get("x2");
        double b = 5.1 / (4 * Math.PI * Math.PI);
        return Math.pow(x2 - b * x1 * x1 + 5 / Math.PI * x1 - 6, 2) + 10 * (1 - 1 / (8 * Math.PI)) * Math.cos(x1) + 10;
    }

    private static double hartmann6(Map<String, Object> c) {
        double sum = 0;
        for (int i = 0; i < HARTMANN_ALPHA.length; i++) {
            double inner = 0;
            for (int j = 0; j < 6; j++) {
                inner += HARTMANN_A[i][j] * Math.pow((Double) c.get("x" + (j + 1)) - HARTMANN_P[i][j], 2);
            }
            sum += HARTMANN_ALPHA[i] * Math.exp(-inner);
        }
        return -sum;
    }

    private static double mixed4(Map<String, Object> c) {
        double a = ((Double) c.get("x") - 1.5) / 3;
        double b = (Math.log10((Double) c.get("lr")) + 2.5) / 1.5;
        double n = ((Long) c.get("n") - 7) / 6.0;
        return a * a + b * b + 0.5 * a * b + n * n + MIXED4_OFFSETS.get((String) c.get("kind"));
    }
}
