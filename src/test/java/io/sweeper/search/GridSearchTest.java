package io.sweeper.search;

import io.sweeper.sweep.TrialState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.sweeper.sweep.SweepSpec;

class GridSearchTest {

    private static final SweepSpec SMALL = Specs.parse("grid", """
            parameters:
              a: {values: [1, 2]}
              b: {values: [x, y, z]}
              c: {value: 0.5}
            """);

    @Test
    void walksParametersInFileOrderWithTheLastVaryingFastest() {
        assertThat(Specs.run(new GridSearch(), SMALL, 100)).containsExactly(
                Map.of("a", 1L, "b", "x", "c", 0.5), Map.of("a", 1L, "b", "y", "c", 0.5), Map.of("a", 1L, "b", "z", "c", 0.5),
                Map.of("a", 2L, "b", "x", "c", 0.5), Map.of("a", 2L, "b", "y", "c", 0.5), Map.of("a", 2L, "b", "z", "c", 0.5));
    }

    @Test
    void configurationsKeepTheFileOrderOfKeys() {
        assertThat(new GridSearch().suggest(SMALL, List.of()).orElseThrow().keySet()).containsExactly("a", "b", "c");
    }

    @Test
    void isExhaustedOnceEveryPointHasATrial() {
        List<TrialRecord> all = List.of(
                trial(0, 1, "x"), trial(1, 1, "y"), trial(2, 1, "z"), trial(3, 2, "x"), trial(4, 2, "y"), trial(5, 2, "z"));

        assertThat(new GridSearch().suggest(SMALL, all)).isEmpty();
    }

    @Test
    void skipsPointsAlreadyTriedWhateverTheirStateOrOrder() {
        List<TrialRecord> history = List.of(
                new TrialRecord(1, Map.of("a", 1, "b", "z", "c", 0.5), TrialState.FAILED, Optional.empty()),
                new TrialRecord(0, Map.of("a", 1, "b", "x", "c", 0.5), TrialState.RUNNING, Optional.empty()));

        // Integers come back from JSON as Integer; the history still matches the grid's Longs.
        assertThat(new GridSearch().suggest(SMALL, history)).contains(Map.of("a", 1L, "b", "y", "c", 0.5));
    }

    @Test
    void intUniformIncludesBothEndsAndQUniformEveryMultipleUpToMax() {
        SweepSpec spec = Specs.parse("grid", """
                parameters:
                  depth: {min: 1, max: 3}
                  rotation: {distribution: q_uniform, min: 0, max: 20, q: 5}
                """);

        List<Map<String, Object>> points = Specs.run(new GridSearch(), spec, 100);

        assertThat(points).hasSize(15);
        assertThat(points).extracting(p -> p.get("depth")).containsOnly(1L, 2L, 3L);
        assertThat(points.subList(0, 5)).extracting(p -> p.get("rotation")).containsExactly(0L, 5L, 10L, 15L, 20L);
    }

    @Test
    void nestedParametersAreAxesInDepthFirstOrder() {
        SweepSpec spec = Specs.parse("grid", """
                parameters:
                  optimizer:
                    parameters:
                      name: {values: [adam, sgd]}
                      lr: {values: [0.1, 0.01]}
                  batch: {values: [16, 32]}
                """);

        List<Map<String, Object>> points = Specs.run(new GridSearch(), spec, 100);

        assertThat(points).hasSize(8);
        assertThat(points.get(0)).isEqualTo(Map.of("optimizer", Map.of("name", "adam", "lr", 0.1), "batch", 16L));
        assertThat(points.get(1)).isEqualTo(Map.of("optimizer", Map.of("name", "adam", "lr", 0.1), "batch", 32L));
        assertThat(points.get(2)).isEqualTo(Map.of("optimizer", Map.of("name", "adam", "lr", 0.01), "batch", 16L));
        assertThat(points.get(7)).isEqualTo(Map.of("optimizer", Map.of("name", "sgd", "lr", 0.01), "batch", 32L));
    }

    @Test
    void stopsAtRunCap() {
        SweepSpec capped = Specs.parse("grid", """
                run_cap: 4
                parameters:
                  a: {values: [1, 2, 3, 4, 5, 6]}
                """);

        assertThat(Specs.run(new GridSearch(), capped, 100)).hasSize(4);
    }

    @Test
    void stopsOnceATrialReachesTheTarget() {
        SweepSpec spec = Specs.parse("grid", """
                metric: {name: acc, goal: maximize, target: 0.9}
                parameters:
                  a: {values: [1, 2, 3]}
                """);
        List<TrialRecord> history = List.of(new TrialRecord(0, Map.of("a", 1L), TrialState.FINISHED, Optional.of(0.93)));

        assertThat(new GridSearch().suggest(spec, history)).isEmpty();
    }

    @Test
    void aWideIntegerRangeIsWalkedLazily() {
        SweepSpec spec = Specs.parse("grid", "parameters:\n  seed: {min: 0, max: 1000000000000}\n");

        assertThat(Specs.run(new GridSearch(), spec, 3)).extracting(p -> p.get("seed")).containsExactly(0L, 1L, 2L);
    }

    @Test
    void refusesASpecWithAContinuousParameter() {
        SweepSpec random = Specs.parse("random", "parameters:\n  lr: {min: 0.1, max: 0.5}\n");

        assertThatThrownBy(() -> new GridSearch().suggest(random, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lr: uniform has no grid of values");
    }

    private static TrialRecord trial(int number, long a, String b) {
        return Specs.finished(number, Map.of("a", a, "b", b, "c", 0.5));
    }
}
