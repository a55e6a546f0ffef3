package io.sweeper.sweep;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * {@code values} with {@code probabilities} (W&amp;B's categorical_w_probabilities): value i is drawn
 * with probability p_i. The probabilities must be non-negative, one per value, and sum to 1 within
 * the tolerance of numpy's {@code isclose}, which W&amp;B checks them with.
 */
public record WeightedCategorical(List<Object> values, List<Double> probabilities) implements Distribution {

    private static final double SUM_TOLERANCE = 1e-8 + 1e-5;

    @SuppressWarnings("unchecked")
    public WeightedCategorical {
        values = (List<Object>) ConfigValues.normalize(values);
        probabilities = List.copyOf(probabilities);
        if (values.isEmpty()) {
            throw new InvalidSpecException("values", "must list at least one value");
        }
        if (probabilities.size() != values.size()) {
            throw new InvalidSpecException("probabilities", "has " + probabilities.size()
                    + " entries but values has " + values.size() + "; give one probability per value");
        }
        double sum = 0;
        for (double p : probabilities) {
            if (!(p >= 0) || Double.isInfinite(p)) {
                throw new InvalidSpecException("probabilities", "must all be between 0 and 1, got " + PythonText.number(p));
            }
            sum += p;
        }
        if (Math.abs(sum - 1) > SUM_TOLERANCE) {
            throw new InvalidSpecException("probabilities", "must sum to 1, got " + PythonText.number(sum));
        }
    }

    @Override
    public DistributionKind kind() {
        return DistributionKind.CATEGORICAL_W_PROBABILITIES;
    }

    /** The first value whose cumulative probability exceeds u, as W&amp;B's ppf picks it. */
    @Override
    public Object quantile(double u) {
        double cumulative = 0;
        int lastPossible = 0;
        for (int i = 0; i < values.size(); i++) {
            cumulative += probabilities.get(i);
            if (probabilities.get(i) > 0) {
                lastPossible = i;
                if (u < cumulative) {
                    return values.get(i);
                }
            }
        }
        // Probabilities that sum to a hair under 1 leave a sliver of u at the top: it belongs to the last value that can occur.
        return values.get(lastPossible);
    }

    /** The middle of the value's slice of cumulative probability; empty for a value of probability 0. */
    @Override
    public OptionalDouble inverseQuantile(Object value) {
        double before = 0;
        for (int i = 0; i < values.size(); i++) {
            double p = probabilities.get(i);
            if (p > 0 && values.get(i).equals(value)) {
                return OptionalDouble.of(Math.min(before + p / 2, 1));
            }
            before += p;
        }
        return OptionalDouble.empty();
    }

    @Override
    public Optional<GridAxis> gridAxis() {
        return Optional.empty();
    }

    @Override
    public String describe() {
        return "categorical_w_probabilities " + PythonText.repr(values)
                + " with probabilities " + PythonText.repr(probabilities);
    }
}
