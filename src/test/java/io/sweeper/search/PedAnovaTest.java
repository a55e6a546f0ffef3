package io.sweeper.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.sweeper.sweep.Goal;
import io.sweeper.sweep.SweepSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * PED-ANOVA on synthetic histories whose answer is known: the metric is a function of {@code lr}
 * alone (on its log scale), {@code depth} nudges it a little, and {@code noise} and {@code opt} are
 * drawn independently of it. Whatever the seed, {@code lr} ranks first and the pure-noise
 * parameters below the one with a small real effect.
 */
class PedAnovaTest {
    private static final SweepSpec SPEC = Specs.parse("random", """
            metric: {name: score, goal: maximize}
            parameters:
              lr: {distribution: log_uniform_values, min: 0.0001, max: 0.1}
              depth: {distribution: int_uniform, min: 1, max: 8}
              noise: {distribution: uniform, min: 0, max: 1}
              opt: {values: [sgd, adam, rmsprop]}
            """);

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void theParameterThatDeterminesTheMetricRanksFirstAndNoiseLast(long seed) {
        Map<String, Double> importance = PedAnova.importance(SPEC, Goal.MAXIMIZE, history(seed, 200));

        List<String> ranking = List.copyOf(importance.keySet());
        assertThat(ranking.get(0)).isEqualTo("lr");
        assertThat(ranking.subList(2, 4)).containsExactlyInAnyOrder("noise", "opt");
        assertThat(importance.get("lr")).isGreaterThan(0.5);
        assertThat(importance.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void minimizingRanksTheSameParameterFirst() {
        List<PedAnova.Observation> negated = history(7, 200).stream()
                .map(o -> new PedAnova.Observation(o.configuration(), -o.value())).toList();
        assertThat(PedAnova.importance(SPEC, Goal.MINIMIZE, negated).keySet().iterator().next()).isEqualTo("lr");
    }

    @Test
    void tooFewTrialsGiveNoRanking() {
        assertThat(PedAnova.importance(SPEC, Goal.MAXIMIZE, history(1, 1))).isEmpty();
    }

    /** Random configurations; score peaks at lr = 10^-2.5 and rises slightly with depth. */
    private static List<PedAnova.Observation> history(long seed, int trials) {
        SplittableRandom random = new SplittableRandom(seed);
        List<PedAnova.Observation> observations = new ArrayList<>();
        List<String> optimizers = List.of("sgd", "adam", "rmsprop");
        for (int i = 0; i < trials; i++) {
            double lr = Math.pow(10, -4 + 3 * random.nextDouble());
            int depth = 1 + random.nextInt(8);
            double score = 1 - Math.pow(Math.log10(lr) + 2.5, 2) + 0.02 * depth;
            observations.add(new PedAnova.Observation(Map.of("lr", lr, "depth", depth, "noise", random.nextDouble(),
                    "opt", optimizers.get(random.nextInt(3))), score));
        }
        return observations;
    }
}
