package io.sweeper.sweep;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** {@code values: [...]} — each listed value equally likely; grid search takes them in order. */
public record Categorical(List<Object> values) implements Distribution {

    @SuppressWarnings("unchecked")
    public Categorical {
        values = (List<Object>) ConfigValues.normalize(values);
        if (values.isEmpty()) {
            throw new InvalidSpecException("values", "must list at least one value");
        }
    }

    @Override
    public DistributionKind kind() {
        return DistributionKind.CATEGORICAL;
    }

    @Override
    public Object quantile(double u) {
        return values.get(Math.min((int) (u * values.size()), values.size() - 1));
    }

    @Override
    public OptionalDouble inverseQuantile(Object value) {
        int index = values.indexOf(value);
        return index < 0 ? OptionalDouble.empty() : OptionalDouble.of((index + 0.5) / values.size());
    }

    @Override
    public Optional<GridAxis> gridAxis() {
        return Optional.of(GridAxis.of(values));
    }

    @Override
    public String describe() {
        return "categorical " + PythonText.repr(values);
    }
}
