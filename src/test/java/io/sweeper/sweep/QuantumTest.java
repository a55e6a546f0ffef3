package io.sweeper.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** round(x / q) · q, as W&B computes it, without binary-fraction noise. */
class QuantumTest {

    @Test
    void realQGivesTheDecimalMultipleExactly() {
        Quantum q = Quantum.of(0.1);

        assertThat(q.round(0.29)).isEqualTo(0.3);
        assertThat(q.round(0.71)).isEqualTo(0.7);
        assertThat(Quantum.of(0.05).round(1.234)).isEqualTo(1.25);
    }

    @Test
    void integerQGivesLongs() {
        assertThat(Quantum.ofInteger(5).round(12.4)).isEqualTo(10L);
        assertThat(Quantum.ofInteger(5).round(12.6)).isEqualTo(15L);
    }

    @Test
    void tiesRoundToEvenAsNumpyDoes() {
        assertThat(Quantum.ofInteger(1).round(2.5)).isEqualTo(2L);
        assertThat(Quantum.ofInteger(1).round(3.5)).isEqualTo(4L);
    }

    @Test
    void qMustBePositive() {
        assertThatThrownBy(() -> Quantum.of(0)).isInstanceOf(InvalidSpecException.class)
                .satisfies(e -> assertThat(((InvalidSpecException) e).key()).isEqualTo("q"));
        assertThatThrownBy(() -> Quantum.ofInteger(-2)).isInstanceOf(InvalidSpecException.class);
    }

    @Test
    void dividesToleratesRoundingError() {
        assertThat(Quantum.of(0.1).divides(0.3)).isTrue();
        assertThat(Quantum.of(0.1).divides(0.35)).isFalse();
    }
}
