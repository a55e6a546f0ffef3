package io.sweeper.search;

import io.sweeper.sweep.TrialState;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.sweeper.sweep.SweepSpec;

class RandomSearchTest {

    private static final SweepSpec SPEC = Specs.parse("random", """
            parameters:
              lr: {distribution: log_uniform_values, min: 0.0001, max: 0.1}
              dropout: {distribution: uniform, min: 0.1, max: 0.6}
              act: {values: [relu, mish, gelu]}
              optimizer:
                parameters:
                  momentum: {distribution: beta, a: 5, b: 1}
                  nesterov: {values: [true, false]}
            """);

    @Test
    void theSameSeedGivesTheSameTrials() {
        assertThat(Specs.run(new RandomSearch(7), SPEC, 50)).isEqualTo(Specs.run(new RandomSearch(7), SPEC, 50));
    }

    @Test
    void anotherSeedGivesOtherTrials() {
        List<Map<String, Object>> seven = Specs.run(new RandomSearch(7), SPEC, 50);
        List<Map<String, Object>> eight = Specs.run(new RandomSearch(8), SPEC, 50);

        for (int i = 0; i < 50; i++) {
            assertThat(eight.get(i).get("lr")).isNotEqualTo(seven.get(i).get("lr"));
        }
    }

    @Test
    void trialsOfOneSweepDiffer() {
        assertThat(Specs.run(new RandomSearch(7), SPEC, 50)).extracting(p -> p.get("dropout")).doesNotHaveDuplicates();
    }

    @Test
    void aTrialsConfigurationDependsOnlyOnSeedAndNumber() {
        List<Map<String, Object>> inOrder = Specs.run(new RandomSearch(3), SPEC, 6);
        List<TrialRecord> shuffled = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            shuffled.add(new TrialRecord(i, Map.of("anything", i), TrialState.values()[i], Optional.of(i * 0.1)));
        }
        Collections.shuffle(shuffled, new Random(1));

        assertThat(new RandomSearch(3).suggest(SPEC, shuffled)).contains(inOrder.get(5));
        assertThat(new RandomSearch(3).configuration(SPEC, 5)).isEqualTo(inOrder.get(5));
    }

    @Test
    void addingAParameterLeavesTheOthersDrawsAlone() {
        SweepSpec more = Specs.parse("random", """
                parameters:
                  added_first: {values: [1, 2, 3]}
                  lr: {distribution: log_uniform_values, min: 0.0001, max: 0.1}
                  dropout: {distribution: uniform, min: 0.1, max: 0.6}
                """);

        for (int i = 0; i < 20; i++) {
            Map<String, Object> before = new RandomSearch(11).configuration(SPEC, i);
            Map<String, Object> after = new RandomSearch(11).configuration(more, i);
            assertThat(after.get("lr")).isEqualTo(before.get("lr"));
            assertThat(after.get("dropout")).isEqualTo(before.get("dropout"));
        }
    }

    @Test
    void nestedParametersGiveNestedMapsInFileOrder() {
        Map<String, Object> config = new RandomSearch(1).configuration(SPEC, 0);

        assertThat(config.keySet()).containsExactly("lr", "dropout", "act", "optimizer");
        assertThat(config.get("optimizer")).isInstanceOfSatisfying(Map.class, optimizer -> {
            assertThat(optimizer.keySet()).containsExactly("momentum", "nesterov");
            assertThat((double) optimizer.get("momentum")).isBetween(0.0, 1.0);
        });
    }

    @Test
    void stopsAtRunCap() {
        SweepSpec capped = Specs.parse("random", "run_cap: 5\nparameters:\n  x: {min: 0.0, max: 1.0}\n");

        assertThat(Specs.run(new RandomSearch(1), capped, 100)).hasSize(5);
    }

    @Test
    void stopsOnceATrialReachesTheTarget() {
        SweepSpec spec = Specs.parse("random", """
                metric: {name: loss, target: 0.1}
                parameters:
                  x: {min: 0.0, max: 1.0}
                """);
        List<TrialRecord> history = new ArrayList<>();
        history.add(new TrialRecord(0, Map.of("x", 0.5), TrialState.FINISHED, Optional.of(0.2)));

        assertThat(new RandomSearch(1).suggest(spec, history)).isPresent();
        history.add(new TrialRecord(1, Map.of("x", 0.4), TrialState.RUNNING, Optional.of(0.09)));
        assertThat(new RandomSearch(1).suggest(spec, history)).isEmpty();
    }

    @Test
    void neverRunsOutWithoutACap() {
        assertThat(Specs.run(new RandomSearch(1), SPEC, 300)).hasSize(300);
    }
}
