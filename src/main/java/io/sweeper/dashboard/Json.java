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

    /** A value rounded to float precision (7 digits): plenty for a plot, half the bytes. */
    static void addRounded(ArrayNode array, double value) {
        if (Double.isFinite(value)) {
            array.add((float) value);
        } else {
            array.addNull();
        }
    }
}
