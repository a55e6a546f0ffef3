package io.sweeper.sweep;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The value types a trial configuration holds — {@code Long}, {@code Double}, {@code Boolean},
 * {@code String}, and immutable lists and insertion-ordered maps of them — and the one conversion
 * into them. Every number is widened ({@code Integer} → {@code Long}, {@code Float} →
 * {@code Double}), so a configuration read back from JSON equals the one that was suggested.
 * Nulls are refused: a configuration never holds one.
 */
public final class ConfigValues {
    /** Deeper than this is a mistake or a self-referencing YAML anchor, not a configuration. */
    private static final int MAX_DEPTH = 64;

    private ConfigValues() {
    }

    /**
     * A deep, immutable, normalised copy of {@code value}.
     *
     * @throws IllegalArgumentException for null, an integer beyond {@code long}, or a type a
     *                                  configuration cannot hold (the message names it)
     */
    public static Object normalize(Object value) {
        return normalize(value, 0);
    }

    private static Object normalize(Object value, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("values nested more than " + MAX_DEPTH + " levels deep (a self-referencing YAML anchor?)");
        }
        if (value instanceof String || value instanceof Boolean || value instanceof Long
                || value instanceof Double) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof BigInteger big) {
            if (big.bitLength() >= Long.SIZE) {
                throw new IllegalArgumentException("integer " + big + " is too large (the limit is " + Long.MAX_VALUE + ")");
            }
            return big.longValue();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.doubleValue();
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(normalize(item, depth + 1)));
            return Collections.unmodifiableList(copy);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), normalize(v, depth + 1)));
            return Collections.unmodifiableMap(copy);
        }
        if (value == null) {
            throw new IllegalArgumentException("null is not a value a parameter can take");
        }
        throw new IllegalArgumentException("a " + value.getClass().getSimpleName()
                + " is not a value a parameter can take (use numbers, text, booleans, lists or mappings)");
    }

    /** A configuration value as a number, if it is one (booleans are not). */
    static java.util.OptionalDouble number(Object value) {
        return value instanceof Number n ? java.util.OptionalDouble.of(n.doubleValue()) : java.util.OptionalDouble.empty();
    }

    /** {@link #normalize} for a map; keys become their text, order is kept. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> normalizeMap(Map<?, ?> map) {
        return (Map<String, Object>) normalize(map, 0);
    }
}
