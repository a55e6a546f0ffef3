package io.sweeper.search;

import static io.sweeper.search.Curves.curve;
import static io.sweeper.search.Curves.finished;
import static io.sweeper.search.Curves.pruner;
import static io.sweeper.search.Curves.running;
import static org.assertj.core.api.Assertions.assertThat;

import io.sweeper.sweep.TrialState;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Vizier's median stopping rule: at iteration t, stop when the trial's best so far is strictly
 * worse than the median of the finished trials' running averages over 1..t.
 */
class MedianPrunerTest {
    private static final String RULE = "{type: median, min_trials: 2}";

    @Test
    void aTrialWhoseBestIsWorseThanTheMedianRunningAverageStops() {
        // running averages at 2: 1, 3 → median 2
        List<MetricCurve> sweep = List.of(finished(0, 1, 1, 1), finished(1, 3, 3, 3));
        Pruner median = pruner("minimize", RULE);
        assertThat(median.prune(running(2, 2.5, 2.2), sweep)).hasValueSatisfying(why -> assertThat(why)
                .isEqualTo("best loss 2.2 by iteration 2 is worse than 2, the median of 2 finished trials' running averages"));
        assertThat(median.prune(running(2, 2.5, 2.0), sweep)).as("a tie goes on").isEmpty();
        assertThat(median.prune(running(2, 1.5, 2.5), sweep)).as("its best so far counts").isEmpty();
    }

    @Test
    void finishedTrialsCountByTheirRunningAverageNotTheirValueAtT() {
        // averages at 2: 2, 2, 2 (values 4 then 0); the value at 2 would be 0
        List<MetricCurve> sweep = List.of(finished(0, 4, 0, 0), finished(1, 4, 0, 0), finished(2, 4, 0, 0));
        assertThat(pruner("minimize", RULE).prune(running(3, 3, 1), sweep)).isEmpty();
        assertThat(pruner("minimize", RULE).prune(running(3, 3, 2.5), sweep)).isPresent();
    }

    @Test
    void nothingStopsUntilMinTrialsHaveFinished() {
        List<MetricCurve> oneFinished = List.of(finished(0, 1, 1), running(1, 1, 1), curve(2, TrialState.PRUNED, 1, 1));
        assertThat(pruner("minimize", RULE).prune(running(3, 50, 50), oneFinished)).isEmpty();
        assertThat(pruner("minimize", "{type: median}").prune(running(3, 50, 50),
                List.of(finished(0, 1, 1), finished(1, 1, 1), finished(2, 1, 1), finished(3, 1, 1))))
                .as("the default is 5 finished trials, as Optuna's n_startup_trials").isEmpty();
    }

    @Test
    void runningAndPrunedTrialsDoNotSetTheMedian() {
        List<MetricCurve> sweep = List.of(finished(0, 1, 1), finished(1, 1, 1), running(2, 9, 9), running(3, 9, 9),
                curve(4, TrialState.PRUNED, 9, 9));
        assertThat(pruner("minimize", RULE).prune(running(5, 2, 2), sweep)).isPresent();
    }

    @Test
    void nothingStopsBeforeMinIterNorWhenNoFinishedTrialReachedT() {
        List<MetricCurve> sweep = List.of(finished(0, 1, 1), finished(1, 1, 1));
        assertThat(pruner("minimize", "{type: median, min_trials: 2, min_iter: 2}").prune(running(2, 9), sweep)).isEmpty();
        assertThat(pruner("minimize", "{type: median, min_trials: 2, min_iter: 2}").prune(running(2, 9, 9), sweep)).isPresent();
        assertThat(pruner("minimize", RULE).prune(running(2, 9, 9, 9), sweep)).as("finished trials are 2 long").isEmpty();
    }

    @Test
    void maximizingStopsTrialsBelowTheMedian() {
        List<MetricCurve> sweep = List.of(finished(0, 0.8, 0.8), finished(1, 0.6, 0.6), finished(2, 0.7, 0.7));
        Pruner median = pruner("maximize", RULE);
        assertThat(median.prune(running(3, 0.6, 0.65), sweep)).hasValueSatisfying(why ->
                assertThat(why).startsWith("best acc 0.65 by iteration 2 is worse than 0.7,"));
        assertThat(median.prune(running(3, 0.6, 0.75), sweep)).isEmpty();
    }
}
