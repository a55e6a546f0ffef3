package io.sweeper.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.sweeper.sweep.SweepSpec;
import io.sweeper.sweep.TrialState;

/** Which trials Bayesian search learns from, and with what value (W&B's rules, see {@link Observations}). */
class ObservationsTest {

    private static SweepSpec spec(String metric) {
        return Specs.parse("bayes", "metric: " + metric + "\nparameters:\n  x: {min: 0.0, max: 10.0}\n");
    }

    private static TrialRecord trial(int number, double x, TrialState state, Double value) {
        return new TrialRecord(number, Map.of("x", x), state, Optional.ofNullable(value));
    }

    private static Observations of(SweepSpec spec, List<TrialRecord> history) {
        return Observations.of(spec, UnitCube.of(spec), history);
    }

    private static List<Double> xs(List<double[]> points) {
        return points.stream().map(p -> p[0] * 10).map(x -> Math.round(x * 1e9) / 1e9).toList();
    }

    @Test
    void trialsWithValuesAreObservedAndRunningOnesWithoutArePending() {
        SweepSpec spec = spec("{name: loss}");
        Observations observations = of(spec, List.of(
                trial(0, 1, TrialState.FINISHED, 0.5),
                trial(1, 2, TrialState.PRUNED, 0.9),
                trial(2, 3, TrialState.RUNNING, 0.7),
                trial(3, 4, TrialState.RUNNING, null),
                trial(4, 5, TrialState.QUEUED, null),
                trial(5, 6, TrialState.CANCELLED, 0.1)));

        assertThat(xs(observations.points())).containsExactly(1.0, 2.0, 3.0);
        assertThat(observations.losses()).containsExactly(0.5, 0.9, 0.7);
        assertThat(xs(observations.pending())).containsExactly(4.0, 5.0);
        assertThat(observations.bestLoss()).isEqualTo(0.5);
    }

    @Test
    void failedTrialsAreImputedWithTheWorstValueByDefault() {
        Observations observations = of(spec("{name: loss}"), List.of(
                trial(0, 1, TrialState.FINISHED, 0.5),
                trial(1, 2, TrialState.FINISHED, 0.8),
                trial(2, 3, TrialState.FAILED, 0.1),
                trial(3, 4, TrialState.FAILED, null),
                trial(4, 5, TrialState.FINISHED, Double.NaN)));

        assertThat(observations.losses()).containsExactly(0.5, 0.8, 0.8, 0.8, 0.8);
    }

    @Test
    void imputeBestKeepsAFailedTrialsOwnValue() {
        Observations observations = of(spec("{name: loss, impute: best}"), List.of(
                trial(0, 1, TrialState.FINISHED, 0.5),
                trial(1, 2, TrialState.FAILED, 0.1),
                trial(2, 3, TrialState.FAILED, null)));

        assertThat(observations.losses()).containsExactly(0.5, 0.1, 0.5);
    }

    @Test
    void maximisedMetricsBecomeLossesByNegation() {
        Observations observations = of(spec("{name: acc, goal: maximize}"), List.of(
                trial(0, 1, TrialState.FINISHED, 0.9),
                trial(1, 2, TrialState.FINISHED, 0.6),
                trial(2, 3, TrialState.FAILED, null)));

        assertThat(observations.losses()).containsExactly(-0.9, -0.6, -0.6);
        assertThat(observations.bestLoss()).isEqualTo(-0.9);
    }

    @Test
    void historyOrderDoesNotMatterAndConfigurationsTheSweepCannotGiveAreLeftOut() {
        SweepSpec spec = spec("{name: loss}");
        Observations observations = of(spec, List.of(
                trial(2, 3, TrialState.FINISHED, 0.3),
                new TrialRecord(1, Map.of("y", 1.0), TrialState.FINISHED, Optional.of(0.0)),
                trial(0, 1, TrialState.FINISHED, 0.1),
                new TrialRecord(3, Map.of("x", "ten"), TrialState.FINISHED, Optional.of(0.0))));

        assertThat(xs(observations.points())).containsExactly(1.0, 3.0);
        assertThat(observations.losses()).containsExactly(0.1, 0.3);
    }
}
