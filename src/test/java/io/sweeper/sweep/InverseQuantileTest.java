package io.sweeper.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;
import java.util.Optional;
import java.util.stream.DoubleStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.junit.jupiter.api.Test;

/**
 * {@link Distribution#inverseQuantile} undoes {@link Distribution#quantile} for every one of the 18
 * distributions, so Bayesian search can place any configuration a sweep produced on [0, 1] and
 * turn its own points back into the same values.
 */
class InverseQuantileTest {

    private static final SweepSpec EVERY = SweepFiles.load(SweepTestFiles.path("good/every-distribution.yaml")).spec();
    private static final double[] UNIFORM_DRAWS = DoubleStream.iterate(0.0005, u -> u < 1, u -> u + 0.0173).toArray();

    private static Distribution of(DistributionKind kind) {
        return GoodSweepFilesTest.distribution(EVERY, kind.yamlName());
    }

    @ParameterizedTest
    @EnumSource(DistributionKind.class)
    void everyValueTheQuantileGivesMapsBackToItself(DistributionKind kind) {
        Distribution distribution = of(kind);
        for (double u : UNIFORM_DRAWS) {
            Object value = distribution.quantile(u);
            double position = distribution.inverseQuantile(value).orElseThrow(
                    () -> new AssertionError(kind.yamlName() + " cannot place its own value " + value));

            Object again = distribution.quantile(Math.max(1e-12, Math.min(1 - 1e-12, position)));

            assertThat(position).as("%s at %s", kind.yamlName(), u).isBetween(0.0, 1.0);
            if (value instanceof Double real && !kind.quantized()) {
                // A continuous value comes back to within the rounding of exp/log and the CDF inversions.
                assertThat((Double) again).as("%s at %s", kind.yamlName(), u).isCloseTo(real, offset(1e-8 + 1e-9 * Math.abs(real)));
            } else {
                assertThat(again).as("%s at %s", kind.yamlName(), u).isEqualTo(value);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = DistributionKind.class, names = {"UNIFORM", "LOG_UNIFORM", "LOG_UNIFORM_VALUES",
            "INV_LOG_UNIFORM", "INV_LOG_UNIFORM_VALUES", "NORMAL", "LOG_NORMAL", "BETA"})
    void continuousDistributionsGiveBackTheDrawItself(DistributionKind kind) {
        Distribution distribution = of(kind);
        for (double u : UNIFORM_DRAWS) {
            assertThat(distribution.inverseQuantile(distribution.quantile(u)).orElseThrow())
                    .as("%s at %s", kind.yamlName(), u).isCloseTo(u, offset(1e-9));
        }
    }

    @Test
    void discreteValuesSitInTheMiddleOfTheirCells() {
        assertThat(of(DistributionKind.CATEGORICAL).inverseQuantile("b").orElseThrow()).isEqualTo(0.5);
        assertThat(of(DistributionKind.CATEGORICAL_W_PROBABILITIES).inverseQuantile("a").orElseThrow()).isEqualTo(0.125);
        assertThat(of(DistributionKind.CATEGORICAL_W_PROBABILITIES).inverseQuantile("b").orElseThrow()).isEqualTo(0.625);
        assertThat(of(DistributionKind.INT_UNIFORM).inverseQuantile(1L).orElseThrow()).isCloseTo(1 / 12.0, offset(1e-12));
        assertThat(of(DistributionKind.INT_UNIFORM).inverseQuantile(6L).orElseThrow()).isCloseTo(11 / 12.0, offset(1e-12));
    }

    @Test
    void valuesTheDistributionCannotGiveHaveNoPlace() {
        assertThat(of(DistributionKind.CATEGORICAL).inverseQuantile("z")).isEmpty();
        assertThat(of(DistributionKind.CONSTANT).inverseQuantile("other")).isEmpty();
        assertThat(of(DistributionKind.INT_UNIFORM).inverseQuantile(7L)).isEmpty();
        assertThat(of(DistributionKind.INT_UNIFORM).inverseQuantile(2.5)).isEmpty();
        assertThat(of(DistributionKind.UNIFORM).inverseQuantile("0.5")).isEmpty();
        assertThat(of(DistributionKind.LOG_UNIFORM_VALUES).inverseQuantile(-1.0)).isEmpty();
        assertThat(of(DistributionKind.LOG_NORMAL).inverseQuantile(0.0)).isEmpty();
        assertThat(new WeightedCategorical(List.of("a", "b"), List.of(0.0, 1.0)).inverseQuantile("a")).isEmpty();
    }

    @Test
    void aQuantisedLogValueRoundedToZeroSitsAtTheBottom() {
        UniformRange range = new UniformRange(DistributionKind.Q_LOG_UNIFORM_VALUES, 0.1, 10, Optional.of(Quantum.ofInteger(1)));

        assertThat(range.quantile(0.01)).isEqualTo(0L);
        assertThat(range.inverseQuantile(0L).orElseThrow()).isZero();
    }
}
