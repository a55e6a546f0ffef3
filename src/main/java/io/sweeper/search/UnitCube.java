package io.sweeper.search;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import io.sweeper.sweep.Categorical;
import io.sweeper.sweep.Constant;
import io.sweeper.sweep.ParameterSpec;
import io.sweeper.sweep.SweepSpec;
import io.sweeper.sweep.WeightedCategorical;

/**
 * The search space as W&amp;B's Bayesian search sees it: one axis [0, 1] per parameter that is not
 * a constant, a configuration's coordinate on each being its value's place on the distribution's
 * cumulative scale ({@link io.sweeper.sweep.Distribution#inverseQuantile}), and a point turned back
 * into a configuration through the quantiles. Log scales, quantisation, priors (normal, beta,
 * weighted categories) and nesting are thereby the distributions' business, not the models'.
 */
final class UnitCube {
    /** Coordinates are kept inside the open interval, where every quantile is finite. */
    private static final double EDGE = 0x1.0p-53;

    private final List<ParameterSpec> parameters;
    private final List<ParameterSpec.Leaf> axes;

    private UnitCube(List<ParameterSpec> parameters, List<ParameterSpec.Leaf> axes) {
        this.parameters = parameters;
        this.axes = axes;
    }

    static UnitCube of(SweepSpec spec) {
        return new UnitCube(spec.parameters(),
                spec.leaves().stream().filter(leaf -> !(leaf.distribution() instanceof Constant)).toList());
    }

    int dimensions() {
        return axes.size();
    }

    /** Each axis's parameter, dotted ({@code optimizer.lr}), in axis order. */
    List<String> axisNames() {
        return axes.stream().map(ParameterSpec::dottedPath).toList();
    }

    /** The configuration's coordinates, or empty if it lacks a parameter or has a value the sweep cannot give. */
    Optional<double[]> point(Map<String, Object> configuration) {
        double[] point = new double[axes.size()];
        for (int i = 0; i < axes.size(); i++) {
            ParameterSpec.Leaf axis = axes.get(i);
            OptionalDouble u = valueAt(configuration, axis.path())
                    .map(value -> axis.distribution().inverseQuantile(value))
                    .orElse(OptionalDouble.empty());
            if (u.isEmpty()) {
                return Optional.empty();
            }
            point[i] = u.getAsDouble();
        }
        return Optional.of(point);
    }

    /** The configuration at {@code point}: each axis's quantile of its coordinate, constants as they are. */
    Map<String, Object> configuration(double[] point) {
        return ParameterSpec.configuration(parameters, leaf -> {
            int axis = axes.indexOf(leaf);
            double u = axis < 0 ? 0.5 : Math.max(EDGE, Math.min(1 - EDGE, point[axis]));
            return leaf.distribution().quantile(u);
        });
    }

    /** A point drawn uniformly from the open cube. */
    double[] uniformPoint(SplittableRandom random) {
        return IntStream.range(0, axes.size()).mapToDouble(i -> (random.nextLong(1L << 53) + 0.5) * EDGE).toArray();
    }

    /**
     * For an axis of unordered values (categorical, with or without probabilities): the prior
     * probability of each value, in listed order; empty for an ordered axis.
     */
    Optional<double[]> categoryPrior(int axis) {
        Object distribution = axes.get(axis).distribution();
        if (distribution instanceof Categorical categorical) {
            int n = categorical.values().size();
            return Optional.of(IntStream.range(0, n).mapToDouble(i -> 1.0 / n).toArray());
        }
        if (distribution instanceof WeightedCategorical weighted) {
            return Optional.of(weighted.probabilities().stream().mapToDouble(Double::doubleValue).toArray());
        }
        return Optional.empty();
    }

    /** The coordinate of a categorical axis's {@code index}-th value: the middle of its cell. */
    double categoryCoordinate(int axis, int index) {
        return axes.get(axis).distribution().inverseQuantile(values(axis).get(index)).orElseThrow();
    }

    /** Which listed value of a categorical axis a coordinate falls on. */
    int categoryIndex(int axis, double coordinate) {
        Object value = axes.get(axis).distribution().quantile(Math.max(EDGE, Math.min(1 - EDGE, coordinate)));
        return values(axis).indexOf(value);
    }

    private List<Object> values(int axis) {
        return axes.get(axis).distribution() instanceof Categorical c ? c.values()
                : ((WeightedCategorical) axes.get(axis).distribution()).values();
    }

    private static Optional<Object> valueAt(Map<String, Object> configuration, List<String> path) {
        Object node = configuration;
        for (String name : path) {
            if (!(node instanceof Map<?, ?> map) || !map.containsKey(name)) {
                return Optional.empty();
            }
            node = map.get(name);
        }
        return Optional.of(node);
    }
}
