package io.sweeper.sweep;

import java.util.Optional;

/** {@code value: x} — the parameter always takes x. */
public record Constant(Object value) implements Distribution {

    public Constant {
        value = ConfigValues.normalize(value);
    }

    @Override
    public DistributionKind kind() {
        return DistributionKind.CONSTANT;
    }

    @Override
    public Object quantile(double u) {
        return value;
    }

    /** A constant has no scale to place it on: its own value sits at 0.5, anything else nowhere. */
    @Override
    public java.util.OptionalDouble inverseQuantile(Object candidate) {
        return value.equals(candidate) ? java.util.OptionalDouble.of(0.5) : java.util.OptionalDouble.empty();
    }

    @Override
    public Optional<GridAxis> gridAxis() {
        return Optional.of(GridAxis.of(java.util.List.of(value)));
    }

    @Override
    public String describe() {
        return "constant " + PythonText.repr(value);
    }
}
