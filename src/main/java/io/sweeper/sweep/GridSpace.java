package io.sweeper.sweep;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The cartesian product grid search walks. Its axes are the leaf parameters depth first in file
 * order, each axis's values in listed order, and point i is read like an odometer: the last
 * parameter varies fastest (as {@code itertools.product}). W&amp;B's grid sorts parameters by name
 * first; sweeper keeps the order the file gives, which is the order a reader of the file expects.
 */
public final class GridSpace {
    private final List<ParameterSpec> parameters;
    private final List<ParameterSpec.Leaf> leaves;
    private final List<GridAxis> axes;
    private final long size;

    private GridSpace(List<ParameterSpec> parameters, List<ParameterSpec.Leaf> leaves, List<GridAxis> axes, long size) {
        this.parameters = parameters;
        this.leaves = leaves;
        this.axes = axes;
        this.size = size;
    }

    /**
     * @throws IllegalArgumentException naming the parameter, when one has no grid axis (it is
     *                                  continuous, or categorical with probabilities), or when the
     *                                  grid has more than {@link Long#MAX_VALUE} points
     */
    public static GridSpace of(List<ParameterSpec> parameters) {
        List<ParameterSpec.Leaf> leaves = ParameterSpec.leaves(parameters);
        List<GridAxis> axes = new ArrayList<>();
        long size = 1;
        for (ParameterSpec.Leaf leaf : leaves) {
            GridAxis axis = leaf.distribution().gridAxis().orElseThrow(() -> new IllegalArgumentException(
                    leaf.dottedPath() + ": " + leaf.distribution().kind().yamlName() + " has no grid of values"));
            axes.add(axis);
            try {
                size = Math.multiplyExact(size, axis.size());
            } catch (ArithmeticException tooMany) {
                throw new IllegalArgumentException("the grid has more than " + Long.MAX_VALUE + " points", tooMany);
            }
        }
        return new GridSpace(List.copyOf(parameters), List.copyOf(leaves), List.copyOf(axes), size);
    }

    /** The number of points: the product of the axes' sizes. */
    public long size() {
        return size;
    }

    /** Each leaf's number of grid values, in axis order. */
    public List<Long> axisSizes() {
        return axes.stream().map(GridAxis::size).toList();
    }

    /** Point {@code index} (0 ≤ index &lt; size) as a trial configuration. */
    public Map<String, Object> pointAt(long index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("grid point " + index + " of " + size);
        }
        Map<ParameterSpec.Leaf, Object> values = new HashMap<>();
        long rest = index;
        for (int a = axes.size() - 1; a >= 0; a--) {
            GridAxis axis = axes.get(a);
            values.put(leaves.get(a), axis.valueAt(rest % axis.size()));
            rest /= axis.size();
        }
        return ParameterSpec.configuration(parameters, values::get);
    }
}
