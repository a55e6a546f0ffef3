package io.sweeper.sweep;

import java.util.List;
import java.util.Objects;
import java.util.function.LongFunction;

/**
 * The values one parameter takes in a grid, in order. Lazy, so an int_uniform over a wide range
 * costs nothing until it is walked.
 */
public final class GridAxis {
    private final long size;
    private final LongFunction<Object> valueAt;

    private GridAxis(long size, LongFunction<Object> valueAt) {
        if (size < 1) {
            throw new IllegalArgumentException("a grid axis needs at least one value, got " + size);
        }
        this.size = size;
        this.valueAt = valueAt;
    }

    static GridAxis of(List<Object> values) {
        return new GridAxis(values.size(), i -> values.get((int) i));
    }

    /** {@code size} values, the i-th computed by {@code valueAt}. */
    static GridAxis computed(long size, LongFunction<Object> valueAt) {
        return new GridAxis(size, Objects.requireNonNull(valueAt));
    }

    public long size() {
        return size;
    }

    public Object valueAt(long index) {
        Objects.checkIndex(index, size);
        return valueAt.apply(index);
    }
}
