package io.sweeper.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.sweeper.sweep.BayesSettings;
import io.sweeper.sweep.SweepSpec;
import io.sweeper.sweep.TrialState;

/**
 * The point of Bayesian search: on a smooth objective it finds better configurations than random
 * search in the same number of trials. Judged over many seeds with a paired Wilcoxon signed-rank
 * test (the same seed gives both methods the same start-up trials), so one lucky seed cannot pass it.
 */
class BayesBeatsRandomTest {
    private static final int SEEDS = 25;
    private static final int TRIALS = 40;
    private static final double ALPHA = 0.01;

    /** A shifted quadratic over a linear, a log-scale and an integer axis, plus an offset per category. */
    private static final SweepSpec SPEC = Specs.parse("bayes", """
            metric: {name: loss, goal: minimize}
            parameters:
              x: {min: -5.0, max: 5.0}
              lr: {distribution: log_uniform_values, min: 0.0001, max: 1.0}
              layers: {min: 0, max: 20}
              kind: {values: [a, b, c]}
            """);

    /** Three axes that only work together: the loss is how far the point lies from the diagonal x = y = z. */
    private static final SweepSpec DIAGONAL = Specs.parse("bayes", """
            metric: {name: loss, goal: minimize}
            parameters:
              x: {min: 0.0, max: 1.0}
              y: {min: 0.0, max: 1.0}
              z: {min: 0.0, max: 1.0}
            """);

    private static double shiftedQuadratic(Map<String, Object> config) {
        double x = (Double) config.get("x");
        double lr = (Double) config.get("lr");
        long layers = (Long) config.get("layers");
        double offset = Map.of("a", 1.0, "b", 0.0, "c", 2.0).get((String) config.get("kind"));
        return Math.pow(x - 1.3, 2) + Math.pow(Math.log10(lr) + 2.5, 2) + Math.pow((layers - 7) / 4.0, 2) + offset;
    }

    private static double offDiagonal(Map<String, Object> config) {
        double y = (Double) config.get("y");
        return Math.abs((Double) config.get("x") - y) + Math.abs(y - (Double) config.get("z"));
    }

    private static double bestFound(SweepSpec spec, ToDoubleFunction<Map<String, Object>> objective,
                                    int trials, SearchMethod method) {
        List<TrialRecord> history = new ArrayList<>();
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < trials; i++) {
            Map<String, Object> config = method.suggest(spec, history).orElseThrow();
            double value = objective.applyAsDouble(config);
            best = Math.min(best, value);
            history.add(new TrialRecord(i, config, TrialState.FINISHED, Optional.of(value)));
        }
        return best;
    }

    /**
     * Asserts that {@code better} finds lower values than {@code worse} over {@link #SEEDS} seeds:
     * a lower median and a paired Wilcoxon p below {@link #ALPHA}.
     */
    private static void assertFindsBetter(SweepSpec spec, ToDoubleFunction<Map<String, Object>> objective, int trials,
                                          LongFunction<SearchMethod> better, LongFunction<SearchMethod> worse) {
        double[] worseBest = IntStream.range(0, SEEDS)
                .mapToDouble(seed -> bestFound(spec, objective, trials, worse.apply(1000 + seed))).toArray();
        double[] betterBest = IntStream.range(0, SEEDS)
                .mapToDouble(seed -> bestFound(spec, objective, trials, better.apply(1000 + seed))).toArray();
        double p = new WilcoxonSignedRankTest().wilcoxonSignedRankTest(betterBest, worseBest, true);
        String medians = String.format("median best %.3f vs %.3f, two-sided p = %.2g",
                new Median().evaluate(betterBest), new Median().evaluate(worseBest), p);
        assertThat(new Median().evaluate(betterBest)).as(medians).isLessThan(new Median().evaluate(worseBest));
        assertThat(p).as(medians).isLessThan(ALPHA);
    }

    private static LongFunction<SearchMethod> tpe(boolean multivariate) {
        return seed -> new BayesSearch(seed, new BayesSettings(BayesSettings.Engine.TPE, Optional.empty(), multivariate));
    }

    @Test
    void gaussianProcessFindsBetterConfigurationsThanRandomSearch() {
        assertFindsBetter(SPEC, BayesBeatsRandomTest::shiftedQuadratic, TRIALS,
                seed -> new BayesSearch(seed, BayesSettings.DEFAULT), RandomSearch::new);
    }

    @ParameterizedTest(name = "multivariate: {0}")
    @ValueSource(booleans = {false, true})
    void treeParzenEstimatorFindsBetterConfigurationsThanRandomSearch(boolean multivariate) {
        assertFindsBetter(SPEC, BayesBeatsRandomTest::shiftedQuadratic, TRIALS, tpe(multivariate), RandomSearch::new);
    }

    /** What the joint estimator is for: the good trials' marginals are flat, only their combination is not. */
    @Test
    void multivariateTpeFollowsParametersThatOnlyWorkTogether() {
        assertFindsBetter(DIAGONAL, BayesBeatsRandomTest::offDiagonal, 60, tpe(true), tpe(false));
    }
}
