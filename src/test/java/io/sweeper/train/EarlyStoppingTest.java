package io.sweeper.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EarlyStoppingTest {
    @Test
    void stopsAfterPatienceEpochsWithoutStrictImprovement() {
        EarlyStopping stopping = new EarlyStopping(2);
        assertThat(stopping.improved(3.0)).isTrue();
        assertThat(stopping.improved(2.5)).isTrue();
        assertThat(stopping.improved(2.5)).as("equal is not better, as in Keras").isFalse();
        assertThat(stopping.shouldStop()).isFalse();
        assertThat(stopping.improved(2.7)).isFalse();
        assertThat(stopping.shouldStop()).isTrue();
    }

    @Test
    void anImprovementResetsTheCount() {
        EarlyStopping stopping = new EarlyStopping(2);
        stopping.improved(3.0);
        stopping.improved(3.1);
        stopping.improved(2.0);
        stopping.improved(2.1);
        assertThat(stopping.shouldStop()).isFalse();
    }

    @Test
    void patienceZeroNeverStopsAndNanNeverImproves() {
        EarlyStopping stopping = new EarlyStopping(0);
        stopping.improved(1.0);
        for (int i = 0; i < 100; i++) {
            assertThat(stopping.improved(Double.NaN)).isFalse();
        }
        assertThat(stopping.shouldStop()).isFalse();
    }
}
