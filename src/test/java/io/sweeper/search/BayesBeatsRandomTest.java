package io.sweeper.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
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

    private static double objective(Map<String, Object> config) {
        double x = (Double) config.get("x");
        double lr = (Double) config.get("lr");
        long layers = (Long) config.get("layers");
        double offset = Map.of("a", 1.0, "b", 0.0, "c", 2.0).get((String) config.get("kind"));
        return Math.pow(x - 1.3, 2) + Math.pow(Math.log10(lr) + 2.5, 2) + Math.pow((layers - 7) / 4.0, 2) + offset;
    }

    private static double bestFound(SearchMethod method) {
        List<TrialRecord> history = new ArrayList<>();
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < TRIALS; i++) {
            Map<String, Object> config = method.suggest(SPEC, history).orElseThrow();
            double value = objective(config);
            best = Math.min(best, value);
            history.add(new TrialRecord(i, config, TrialState.FINISHED, Optional.of(value)));
        }
        return best;
    }

    private static double[] bestPerSeed(LongFunction<SearchMethod> method) {
        return IntStream.range(0, SEEDS).mapToDouble(seed -> bestFound(method.apply(1000 + seed))).toArray();
    }

    private static void assertBeatsRandom(LongFunction<SearchMethod> bayes) {
        double[] random = bestPerSeed(RandomSearch::new);
        double[] model = bestPerSeed(bayes);
        double p = new WilcoxonSignedRankTest().wilcoxonSignedRankTest(model, random, true);
        String medians = String.format("median best %.3f vs random search's %.3f, p = %.2g",
                new Median().evaluate(model), new Median().evaluate(random), p);
        assertThat(new Median().evaluate(model)).as(medians).isLessThan(new Median().evaluate(random));
        assertThat(p).as(medians).isLessThan(ALPHA);
    }

    @Test
    void gaussianProcessFindsBetterConfigurationsThanRandomSearch() {
        assertBeatsRandom(seed -> new BayesSearch(seed, BayesSettings.DEFAULT));
    }

    @ParameterizedTest(name = "multivariate: {0}")
    @ValueSource(booleans = {false, true})
    void treeParzenEstimatorFindsBetterConfigurationsThanRandomSearch(boolean multivariate) {
        assertBeatsRandom(seed -> new BayesSearch(seed, new BayesSettings(
                BayesSettings.Engine.TPE, Optional.empty(), multivariate)));
    }
}
