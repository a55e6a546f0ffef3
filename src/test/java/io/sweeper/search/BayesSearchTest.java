package io.sweeper.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import io.sweeper.sweep.BayesSettings;
import io.sweeper.sweep.ParameterSpec;
import io.sweeper.sweep.SweepFiles;
import io.sweeper.sweep.SweepSpec;
import io.sweeper.sweep.TrialState;

/** Bayesian search is random search until it has start-up values, then a pure function of (spec, history, seed). */
class BayesSearchTest {

    private static final SweepSpec SPEC = Specs.parse("bayes", """
            metric: {name: loss, goal: minimize}
            parameters:
              x: {min: -5.0, max: 5.0}
              kind: {values: [a, b, c]}
            """);

    /** Every model {@code bayes:} can choose, with default start-up. */
    enum Model {
        GP(new BayesSettings(BayesSettings.Engine.GP, Optional.empty(), false)),
        TPE(new BayesSettings(BayesSettings.Engine.TPE, Optional.empty(), false)),
        MULTIVARIATE_TPE(new BayesSettings(BayesSettings.Engine.TPE, Optional.empty(), true));

        final BayesSettings settings;

        Model(BayesSettings settings) {
            this.settings = settings;
        }
    }

    private static BayesSearch search(Model model, long seed) {
        return new BayesSearch(seed, model.settings);
    }

    private static double loss(Map<String, Object> config) {
        return Math.pow((Double) config.get("x") - 1, 2) + (config.get("kind").equals("b") ? 0 : 1);
    }

    /** {@code n} finished trials of random search with seed 11, scored by {@link #loss}. */
    private static List<TrialRecord> finishedTrials(SweepSpec spec, int n) {
        List<TrialRecord> history = new ArrayList<>();
        RandomSearch random = new RandomSearch(11);
        for (int i = 0; i < n; i++) {
            Map<String, Object> config = random.configuration(spec, i);
            history.add(new TrialRecord(i, config, TrialState.FINISHED, Optional.of(loss(config))));
        }
        return history;
    }

    private static TrialRecord trial(int number, Map<String, Object> config, TrialState state, Optional<Double> value) {
        return new TrialRecord(number, config, state, value);
    }

    @ParameterizedTest
    @EnumSource(Model.class)
    void untilTheStartupTrialsHaveValuesItSuggestsWhatRandomSearchWould(Model model) {
        int startup = model.settings.effectiveStartupTrials();
        List<TrialRecord> history = finishedTrials(SPEC, startup - 1);
        // Running trials without values do not count towards the start-up.
        history.add(trial(startup - 1, new RandomSearch(3).configuration(SPEC, startup - 1), TrialState.RUNNING, Optional.empty()));

        assertThat(search(model, 3).suggest(SPEC, history))
                .contains(new RandomSearch(3).configuration(SPEC, startup));
    }

    @ParameterizedTest
    @EnumSource(Model.class)
    void theSameHistoryAndSeedGiveTheSameSuggestionWhateverTheOrder(Model model) {
        List<TrialRecord> history = finishedTrials(SPEC, 15);
        List<TrialRecord> shuffled = new ArrayList<>(history);
        Collections.reverse(shuffled);

        Map<String, Object> first = search(model, 5).suggest(SPEC, history).orElseThrow();

        assertThat(search(model, 5).suggest(SPEC, history)).contains(first);
        assertThat(search(model, 5).suggest(SPEC, shuffled)).contains(first);
        assertThat(search(model, 6).suggest(SPEC, history)).isNotEqualTo(Optional.of(first));
    }

    @ParameterizedTest
    @EnumSource(Model.class)
    void successiveSuggestionsDifferAndLeaveTheRandomStart(Model model) {
        List<TrialRecord> history = finishedTrials(SPEC, 12);
        Map<String, Object> next = search(model, 5).suggest(SPEC, history).orElseThrow();
        history.add(trial(12, next, TrialState.RUNNING, Optional.empty()));

        Map<String, Object> after = search(model, 5).suggest(SPEC, history).orElseThrow();

        assertThat(after).isNotEqualTo(next);
        assertThat(next).isNotEqualTo(new RandomSearch(5).configuration(SPEC, 12));
    }

    @Test
    void theGaussianProcessImputesARunningTrialAndLooksElsewhere() {
        SweepSpec line = Specs.parse("bayes", "metric: {name: loss}\nparameters:\n  x: {min: 0.0, max: 1.0}\n");
        List<TrialRecord> history = new ArrayList<>();
        double[] xs = {0.05, 0.2, 0.35, 0.65, 0.8, 0.95};
        for (int i = 0; i < xs.length; i++) {
            history.add(trial(i, Map.of("x", xs[i]), TrialState.FINISHED, Optional.of(Math.pow(xs[i] - 0.5, 2))));
        }
        BayesSearch gp = search(Model.GP, 1);
        double first = (Double) gp.suggest(line, history).orElseThrow().get("x");
        history.add(trial(xs.length, Map.of("x", first), TrialState.RUNNING, Optional.empty()));

        double second = (Double) gp.suggest(line, history).orElseThrow().get("x");

        assertThat(first).isBetween(0.35, 0.65);
        // Believing the running trial returns the prediction there, the model has little to gain next to it.
        assertThat(Math.abs(second - first)).isGreaterThan(0.02);
    }

    @ParameterizedTest
    @EnumSource(Model.class)
    void nestedParametersAreSearchedAndComeBackNested(Model model) {
        SweepSpec nested = Specs.parse("bayes", """
                metric: {name: loss, goal: maximize}
                parameters:
                  optimizer:
                    parameters:
                      name: {value: adam}
                      lr: {distribution: log_uniform_values, min: 0.0001, max: 0.1}
                      betas:
                        parameters:
                          beta1: {min: 0.8, max: 0.99}
                  layers: {values: [1, 2, 3]}
                """);
        List<TrialRecord> history = new ArrayList<>();
        RandomSearch random = new RandomSearch(2);
        for (int i = 0; i < 12; i++) {
            Map<String, Object> config = random.configuration(nested, i);
            history.add(trial(i, config, TrialState.FINISHED, Optional.of(-Math.abs(Math.log10(lr(config)) + 2))));
        }

        Map<String, Object> next = search(model, 2).suggest(nested, history).orElseThrow();

        assertThat(next).containsOnlyKeys("optimizer", "layers");
        @SuppressWarnings("unchecked")
        Map<String, Object> optimizer = (Map<String, Object>) next.get("optimizer");
        assertThat(optimizer).containsEntry("name", "adam").containsKeys("lr", "betas");
        assertThat(lr(next)).isBetween(0.0001, 0.1);
        assertThat(optimizer.get("betas")).isInstanceOfSatisfying(Map.class, betas -> assertThat(betas.keySet()).isEqualTo(java.util.Set.of("beta1")));
        assertThat(UnitCube.of(nested).point(next)).isPresent();
    }

    @SuppressWarnings("unchecked")
    private static double lr(Map<String, Object> config) {
        return (Double) ((Map<String, Object>) config.get("optimizer")).get("lr");
    }

    @ParameterizedTest
    @EnumSource(Model.class)
    void everyDistributionGetsValuesItCanProduce(Model model) throws Exception {
        String text = everyDistributionFile().replace("method: random", "method: bayes")
                .replace("run_cap: 100", "run_cap: 30").replace("target: 0.05", "target: -1000");
        SweepSpec every = SweepFiles.parse(text, "every.yaml").spec();
        UnitCube cube = UnitCube.of(every);
        List<TrialRecord> history = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Map<String, Object> config = search(model, 9).suggest(every, history).orElseThrow();
            assertThat(every.leaves()).allSatisfy(leaf -> assertThat(
                    leaf.distribution().inverseQuantile(valueOf(config, leaf))).as(leaf.dottedPath()).isPresent());
            double value = cube.point(config).map(p -> java.util.Arrays.stream(p).map(u -> (u - 0.3) * (u - 0.3)).sum())
                    .orElseThrow();
            history.add(trial(i, config, TrialState.FINISHED, Optional.of(value)));
        }
        assertThat(search(model, 9).suggest(every, history)).as("run_cap: 30").isEmpty();
    }

    private static String everyDistributionFile() throws Exception {
        return Files.readString(Path.of(BayesSearchTest.class.getClassLoader()
                .getResource("sweeps/good/every-distribution.yaml").toURI()));
    }

    private static Object valueOf(Map<String, Object> config, ParameterSpec.Leaf leaf) {
        Object node = config;
        for (String name : leaf.path()) {
            node = ((Map<?, ?>) node).get(name);
        }
        return node;
    }

    @ParameterizedTest
    @EnumSource(Model.class)
    void aTrialReachingTheTargetEndsTheSweep(Model model) {
        SweepSpec targeted = Specs.parse("bayes", "metric: {name: loss, target: 0.5}\nparameters:\n  x: {min: 0.0, max: 1.0}\n");
        List<TrialRecord> history = new ArrayList<>(List.of(
                trial(0, Map.of("x", 0.2), TrialState.FINISHED, Optional.of(0.9)),
                trial(1, Map.of("x", 0.7), TrialState.FINISHED, Optional.of(0.8))));

        assertThat(search(model, 1).suggest(targeted, history)).isPresent();
        history.add(trial(2, Map.of("x", 0.4), TrialState.RUNNING, Optional.of(0.4)));
        assertThat(search(model, 1).suggest(targeted, history)).isEmpty();
    }

    @Test
    void aSweepOfConstantsSuggestsTheConstants() {
        SweepSpec constants = Specs.parse("bayes", "metric: {name: loss}\nparameters:\n  x: {value: 3}\n");

        List<TrialRecord> history = List.of(
                trial(0, Map.of("x", 3L), TrialState.FINISHED, Optional.of(1.0)),
                trial(1, Map.of("x", 3L), TrialState.FINISHED, Optional.of(2.0)));

        assertThat(search(Model.GP, 1).suggest(constants, history)).contains(Map.of("x", 3L));
    }
}
