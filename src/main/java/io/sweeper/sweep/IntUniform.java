package io.sweeper.sweep;

import java.util.Optional;
import java.util.OptionalDouble;

/** {@code min}, {@code max} integers: every integer from min to max, both included, equally likely. */
public record IntUniform(long min, long max) implements Distribution {

    public IntUniform {
        if (max <= min) {
            throw new InvalidSpecException("max", "must be greater than min (" + min + "), got " + max);
        }
        if (max - min < 0 || max - min == Long.MAX_VALUE) {
            throw new InvalidSpecException("max", "the range from " + min + " to " + max + " is too wide");
        }
    }

    @Override
    public DistributionKind kind() {
        return DistributionKind.INT_UNIFORM;
    }

    /** How many integers the range holds. */
    public long count() {
        return max - min + 1;
    }

    @Override
    public Object quantile(double u) {
        return Math.min(min + (long) Math.floor(u * count()), max);
    }

    @Override
    public OptionalDouble inverseQuantile(Object value) {
        OptionalDouble number = ConfigValues.number(value);
        if (number.isEmpty() || number.getAsDouble() != Math.rint(number.getAsDouble())
                || number.getAsDouble() < min || number.getAsDouble() > max) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((number.getAsDouble() - min + 0.5) / count());
    }

    @Override
    public Optional<GridAxis> gridAxis() {
        return Optional.of(GridAxis.computed(count(), i -> min + i));
    }

    @Override
    public String describe() {
        return "int_uniform [" + min + ", " + max + "] (integers, both ends included)";
    }
}
