package io.sweeper.search;

import io.sweeper.sweep.TrialState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.sweeper.sweep.SweepSpec;

class SearchMethodsTest {

    @Test
    void gridSweepsGetGridSearch() {
        SweepSpec grid = Specs.parse("grid", "parameters:\n  a: {values: [1, 2]}\n");

        assertThat(SearchMethods.forSpec(grid, 0)).isInstanceOf(GridSearch.class);
    }

    @Test
    void randomSearchUsesTheFilesSeedOverTheCallers() {
        SweepSpec seeded = Specs.parse("random", "seed: 42\nparameters:\n  x: {min: 0.0, max: 1.0}\n");
        SweepSpec unseeded = Specs.parse("random", "parameters:\n  x: {min: 0.0, max: 1.0}\n");

        assertThat(SearchMethods.forSpec(seeded, 5).suggest(seeded, List.of()))
                .isEqualTo(new RandomSearch(42).suggest(seeded, List.of()));
        assertThat(SearchMethods.forSpec(unseeded, 5).suggest(unseeded, List.of()))
                .isEqualTo(new RandomSearch(5).suggest(unseeded, List.of()));
    }

    @Test
    void bayesSweepsGetBayesSearchWithTheFilesSeedOverTheCallers() {
        SweepSpec seeded = Specs.parse("bayes", "seed: 42\nmetric: {name: loss}\nparameters:\n  x: {min: 0.0, max: 1.0}\n");
        SweepSpec unseeded = Specs.parse("bayes", "metric: {name: loss}\nparameters:\n  x: {min: 0.0, max: 1.0}\n");

        assertThat(SearchMethods.forSpec(seeded, 5)).isInstanceOf(BayesSearch.class);
        assertThat(SearchMethods.forSpec(seeded, 5).suggest(seeded, List.of()))
                .isEqualTo(new RandomSearch(42).suggest(seeded, List.of()));
        assertThat(SearchMethods.forSpec(unseeded, 5).suggest(unseeded, List.of()))
                .isEqualTo(new RandomSearch(5).suggest(unseeded, List.of()));
    }

    @Test
    void historyIsFrozenAndNormalised() {
        TrialRecord trial = new TrialRecord(3, Map.of("n", 1, "nested", Map.of("f", 1.5f)), TrialState.FINISHED, Optional.empty());

        assertThat(trial.params()).isEqualTo(Map.of("n", 1L, "nested", Map.of("f", 1.5)));
        assertThatThrownBy(() -> trial.params().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(TrialRecord.nextNumber(List.of(trial))).isEqualTo(4);
        assertThat(TrialRecord.nextNumber(List.of())).isZero();
    }
}
