package io.sweeper.dashboard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.OptionalDouble;

/** JSON numbers the browser's {@code JSON.parse} accepts: NaN and infinities become null. */
final class Json {
    private Json() {
    }

    static void put(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, value);
        } else {
            node.putNull(key);
        }
    }

    static void put(ObjectNode node, String key, OptionalDouble value) {
        put(node, key, value.orElse(Double.NaN));
    }

    /** A parameter's value as the JSON type it has (numbers, strings, booleans), anything else as its text. */
    static void putValue(ObjectNode node, String key, Object value) {
        if (value == null) {
            node.putNull(key);
        } else if (value instanceof Integer || value instanceof Long) {
            node.put(key, ((Number) value).longValue());
        } else if (value instanceof Number number) {
            put(node, key, number.doubleValue());
        } else if (value instanceof Boolean bool) {
            node.put(key, bool);
        } else {
            node.put(key, String.valueOf(value));
        }
    }

    /** A value rounded to float precision (7 digits): plenty for a plot, half the bytes. */
    static void addRounded(ArrayNode array, double value) {
        if (Double.isFinite(value)) {
            array.add((float) value);
        } else {
            array.addNull();
        }
    }
}
