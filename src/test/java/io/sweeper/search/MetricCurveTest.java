package io.sweeper.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.sweeper.sweep.Goal;
import io.sweeper.sweep.TrialState;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricCurveTest {

    @Test
    void iterationsCountFiniteValuesInEpochOrderWhateverTheEpochNumbers() {
        MetricCurve curve = MetricCurve.of(4, TrialState.RUNNING,
                Map.of(0, 0.9, 2, Double.NaN, 3, 0.5, 5, Double.POSITIVE_INFINITY, 7, 0.7));
        assertThat(curve.length()).isEqualTo(3);
        assertThat(curve.at(2)).isEqualTo(0.5);
        assertThat(curve.epochAt(3)).isEqualTo(7);
        assertThat(curve.meanUpTo(2)).isEqualTo(0.7);
        assertThat(curve.bestUpTo(3, Goal.MINIMIZE)).isEqualTo(0.5);
        assertThat(curve.bestUpTo(3, Goal.MAXIMIZE)).isEqualTo(0.9);
    }

    @Test
    void recordingAppendsAndAnEpochRecordedAgainIsOverwritten() {
        MetricCurve curve = MetricCurve.empty(1, TrialState.RUNNING).with(1, 0.3).with(2, 0.2).with(1, 0.4);
        assertThat(curve.length()).isEqualTo(2);
        assertThat(curve.at(1)).isEqualTo(0.4);
        assertThat(curve.meanUpTo(2)).isEqualTo(0.3, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(curve.with(3, Double.NaN)).isSameAs(curve);
        assertThat(curve.withState(TrialState.FINISHED).state()).isEqualTo(TrialState.FINISHED);
    }
}
