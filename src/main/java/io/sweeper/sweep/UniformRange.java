package io.sweeper.sweep;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The eight distributions drawn uniformly between {@code min} and {@code max} on some scale, with
 * W&amp;B's meaning for each bound:
 * <ul>
 *   <li>{@code uniform}, {@code q_uniform}: min ≤ x ≤ max.</li>
 *   <li>{@code log_uniform}, {@code q_log_uniform}: min and max are natural-log exponents,
 *       x = exp(uniform(min, max)) ∈ [e^min, e^max].</li>
 *   <li>{@code log_uniform_values}, {@code q_log_uniform_values}: min and max are the values,
 *       log x uniform in [ln min, ln max].</li>
 *   <li>{@code inv_log_uniform}: x = exp(−uniform(min, max)) ∈ [e^−max, e^−min].</li>
 *   <li>{@code inv_log_uniform_values}: W&amp;B draws exp(−uniform(−ln max, −ln min)), which is
 *       the same distribution as log_uniform_values; sweeper computes it the same way.</li>
 * </ul>
 * The q_ variants round the result to a multiple of {@link #q()} (see {@link Quantum}).
 */
public record UniformRange(DistributionKind kind, double min, double max, Optional<Quantum> q) implements Distribution {

    private static final Set<DistributionKind> KINDS = EnumSet.of(
            DistributionKind.UNIFORM, DistributionKind.Q_UNIFORM,
            DistributionKind.LOG_UNIFORM, DistributionKind.Q_LOG_UNIFORM,
            DistributionKind.LOG_UNIFORM_VALUES, DistributionKind.Q_LOG_UNIFORM_VALUES,
            DistributionKind.INV_LOG_UNIFORM, DistributionKind.INV_LOG_UNIFORM_VALUES);
    private static final Set<DistributionKind> BOUNDS_ARE_EXPONENTS = EnumSet.of(
            DistributionKind.LOG_UNIFORM, DistributionKind.Q_LOG_UNIFORM, DistributionKind.INV_LOG_UNIFORM);
    private static final Set<DistributionKind> BOUNDS_ARE_LOG_SCALED_VALUES = EnumSet.of(
            DistributionKind.LOG_UNIFORM_VALUES, DistributionKind.Q_LOG_UNIFORM_VALUES,
            DistributionKind.INV_LOG_UNIFORM_VALUES);

    public UniformRange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(q, "q");
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException(kind.yamlName() + " is not drawn from a min/max range");
        }
        if (q.isPresent() != kind.quantized()) {
            throw new IllegalArgumentException(kind.yamlName() + (kind.quantized() ? " needs" : " takes no") + " q");
        }
        requireFinite("min", min);
        requireFinite("max", max);
        if (max <= min) {
            throw new InvalidSpecException("max", "must be greater than min (" + PythonText.number(min)
                    + "), got " + PythonText.number(max));
        }
        if (BOUNDS_ARE_LOG_SCALED_VALUES.contains(kind) && min <= 0) {
            throw new InvalidSpecException("min", "must be greater than 0 for " + kind.yamlName()
                    + " (its values are spaced on a log scale), got " + PythonText.number(min));
        }
    }

    private static void requireFinite(String key, double value) {
        if (!Double.isFinite(value)) {
            throw new InvalidSpecException(key, "must be a finite number, got " + PythonText.number(value));
        }
    }

    /** Whether min and max are natural-log exponents rather than values (the kinds W&amp;B deprecates). */
    public boolean boundsAreExponents() {
        return BOUNDS_ARE_EXPONENTS.contains(kind);
    }

    /** Whether min and max are the smallest and largest values the parameter can take. */
    public boolean boundsAreValues() {
        return !boundsAreExponents();
    }

    @Override
    public Object quantile(double u) {
        double x = switch (kind) {
            case UNIFORM, Q_UNIFORM -> between(min, max, u);
            case LOG_UNIFORM, Q_LOG_UNIFORM -> Math.exp(between(min, max, u));
            case LOG_UNIFORM_VALUES, Q_LOG_UNIFORM_VALUES -> Math.exp(between(Math.log(min), Math.log(max), u));
            // W&B draws the exponent from the top (1 − u) so that x still grows with u.
            case INV_LOG_UNIFORM -> Math.exp(-between(min, max, 1 - u));
            case INV_LOG_UNIFORM_VALUES -> Math.exp(-between(-Math.log(max), -Math.log(min), 1 - u));
            default -> throw new IllegalStateException(kind.yamlName());
        };
        return q.<Object>map(step -> step.round(x)).orElse(x);
    }

    /** The inverse of {@link #quantile}'s scale, clamped to [0, 1] for a quantised value rounded past a bound. */
    @Override
    public OptionalDouble inverseQuantile(Object value) {
        OptionalDouble number = ConfigValues.number(value);
        if (number.isEmpty()) {
            return OptionalDouble.empty();
        }
        double x = number.getAsDouble();
        if (boundsAreLogScaled() && !(x > 0)) {
            // Rounding to q can give 0, the bottom of the range; nothing else below it is possible.
            return x == 0 && q.isPresent() ? OptionalDouble.of(0) : OptionalDouble.empty();
        }
        double u = switch (kind) {
            case UNIFORM, Q_UNIFORM -> (x - min) / (max - min);
            case LOG_UNIFORM, Q_LOG_UNIFORM -> (Math.log(x) - min) / (max - min);
            case LOG_UNIFORM_VALUES, Q_LOG_UNIFORM_VALUES, INV_LOG_UNIFORM_VALUES ->
                    (Math.log(x) - Math.log(min)) / (Math.log(max) - Math.log(min));
            case INV_LOG_UNIFORM -> 1 - (-Math.log(x) - min) / (max - min);
            default -> throw new IllegalStateException(kind.yamlName());
        };
        return OptionalDouble.of(Math.max(0, Math.min(1, u)));
    }

    private boolean boundsAreLogScaled() {
        return kind != DistributionKind.UNIFORM && kind != DistributionKind.Q_UNIFORM;
    }

    private static double between(double low, double high, double u) {
        return low + u * (high - low);
    }

    /** q_uniform only: every multiple of q that rounding a value in [min, max] can give. */
    @Override
    public Optional<GridAxis> gridAxis() {
        if (kind != DistributionKind.Q_UNIFORM) {
            return Optional.empty();
        }
        Quantum step = q.orElseThrow();
        long first = step.nearestIndex(min);
        long last = step.nearestIndex(max);
        return Optional.of(GridAxis.computed(last - first + 1, i -> step.multiple(first + i)));
    }

    /** The smallest value the parameter can take before rounding to q: min, or e^min, or e^−max. */
    public double lowestValue() {
        return switch (kind) {
            case LOG_UNIFORM, Q_LOG_UNIFORM -> Math.exp(min);
            case INV_LOG_UNIFORM -> Math.exp(-max);
            default -> min;
        };
    }

    /** The largest value the parameter can take before rounding to q: max, or e^max, or e^−min. */
    public double highestValue() {
        return switch (kind) {
            case LOG_UNIFORM, Q_LOG_UNIFORM -> Math.exp(max);
            case INV_LOG_UNIFORM -> Math.exp(-min);
            default -> max;
        };
    }

    @Override
    public String describe() {
        String range = kind.yamlName() + " [" + PythonText.number(min) + ", " + PythonText.number(max) + "]"
                + q.map(step -> " q=" + step).orElse("");
        return boundsAreExponents() ? range + " (exponents: values in " + valueRange() + ")" : range;
    }

    /** {@code [lowest, highest]} as text. */
    String valueRange() {
        return "[" + PythonText.number(lowestValue()) + ", " + PythonText.number(highestValue()) + "]";
    }
}
