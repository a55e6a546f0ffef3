package io.sweeper.sweep;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

import org.apache.commons.math3.special.Erf;

/**
 * normal, q_normal, log_normal, q_log_normal: x ~ N(mu, sigma²), or exp(x) for the log_ kinds
 * (scipy's lognorm with s = sigma, scale = e^mu, as W&amp;B uses), rounded to q for the q_ kinds.
 * Defaults mu = 0, sigma = 1. Sigma must be positive: W&amp;B's schema allows 0, but its sampler
 * then returns NaN.
 */
public record Normal(DistributionKind kind, double mu, double sigma, Optional<Quantum> q) implements Distribution {

    public static final double DEFAULT_MU = 0;
    public static final double DEFAULT_SIGMA = 1;
    private static final Set<DistributionKind> KINDS = EnumSet.of(
            DistributionKind.NORMAL, DistributionKind.Q_NORMAL, DistributionKind.LOG_NORMAL, DistributionKind.Q_LOG_NORMAL);

    public Normal {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(q, "q");
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException(kind.yamlName() + " is not a normal distribution");
        }
        if (q.isPresent() != kind.quantized()) {
            throw new IllegalArgumentException(kind.yamlName() + (kind.quantized() ? " needs" : " takes no") + " q");
        }
        if (!Double.isFinite(mu)) {
            throw new InvalidSpecException("mu", "must be a finite number, got " + PythonText.number(mu));
        }
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new InvalidSpecException("sigma", "must be greater than 0, got " + PythonText.number(sigma));
        }
    }

    private boolean logScale() {
        return kind == DistributionKind.LOG_NORMAL || kind == DistributionKind.Q_LOG_NORMAL;
    }

    @Override
    public Object quantile(double u) {
        double x = mu + sigma * Math.sqrt(2) * Erf.erfInv(2 * u - 1);
        double value = logScale() ? Math.exp(x) : x;
        return q.<Object>map(step -> step.round(value)).orElse(value);
    }

    @Override
    public OptionalDouble inverseQuantile(Object value) {
        OptionalDouble number = ConfigValues.number(value);
        if (number.isEmpty()) {
            return OptionalDouble.empty();
        }
        if (logScale() && !(number.getAsDouble() > 0)) {
            // Rounding to q can give 0, the bottom of the range; nothing else below it is possible.
            return number.getAsDouble() == 0 && q.isPresent() ? OptionalDouble.of(0) : OptionalDouble.empty();
        }
        double x = logScale() ? Math.log(number.getAsDouble()) : number.getAsDouble();
        return OptionalDouble.of(0.5 * Erf.erfc(-(x - mu) / (sigma * Math.sqrt(2))));
    }

    @Override
    public Optional<GridAxis> gridAxis() {
        return Optional.empty();
    }

    @Override
    public String describe() {
        return kind.yamlName() + " mu=" + PythonText.number(mu) + " sigma=" + PythonText.number(sigma)
                + q.map(step -> " q=" + step).orElse("");
    }
}
