package io.sweeper.sweep;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

import org.apache.commons.math3.distribution.BetaDistribution;

/**
 * beta and q_beta: x ~ Beta(a, b) on [0, 1], rounded to q for q_beta. Defaults a = 1, b = 1
 * (uniform on [0, 1]). Both shapes must be positive; W&amp;B's schema admits 0, for which the
 * distribution does not exist.
 */
public record Beta(DistributionKind kind, double a, double b, Optional<Quantum> q) implements Distribution {

    public static final double DEFAULT_A = 1;
    public static final double DEFAULT_B = 1;

    public Beta {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(q, "q");
        if (kind != DistributionKind.BETA && kind != DistributionKind.Q_BETA) {
            throw new IllegalArgumentException(kind.yamlName() + " is not a beta distribution");
        }
        if (q.isPresent() != kind.quantized()) {
            throw new IllegalArgumentException(kind.yamlName() + (kind.quantized() ? " needs" : " takes no") + " q");
        }
        requirePositive("a", a);
        requirePositive("b", b);
    }

    private static void requirePositive(String key, double shape) {
        if (!(shape > 0) || Double.isInfinite(shape)) {
            throw new InvalidSpecException(key, "must be greater than 0, got " + PythonText.number(shape));
        }
    }

    @Override
    public Object quantile(double u) {
        // No random generator: the distribution object only inverts its CDF here.
        double x = new BetaDistribution(null, a, b).inverseCumulativeProbability(u);
        return q.<Object>map(step -> step.round(x)).orElse(x);
    }

    @Override
    public OptionalDouble inverseQuantile(Object value) {
        OptionalDouble number = ConfigValues.number(value);
        if (number.isEmpty()) {
            return OptionalDouble.empty();
        }
        double x = Math.max(0, Math.min(1, number.getAsDouble()));
        return OptionalDouble.of(new BetaDistribution(null, a, b).cumulativeProbability(x));
    }

    @Override
    public Optional<GridAxis> gridAxis() {
        return Optional.empty();
    }

    @Override
    public String describe() {
        return kind.yamlName() + " a=" + PythonText.number(a) + " b=" + PythonText.number(b)
                + q.map(step -> " q=" + step).orElse("");
    }
}
