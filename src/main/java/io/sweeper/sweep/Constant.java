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

    @Override
    public Optional<GridAxis> gridAxis() {
        return Optional.of(GridAxis.of(java.util.List.of(value)));
    }

    @Override
    public String describe() {
        return "constant " + PythonText.repr(value);
    }
}
