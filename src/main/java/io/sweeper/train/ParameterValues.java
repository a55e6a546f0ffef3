package io.sweeper.train;

import io.sweeper.SweeperException;
import java.util.Locale;

/** Converts and range-checks one raw value for a {@link TrialParameter}. */
final class ParameterValues {
    private ParameterValues() {
    }

    static Object convert(TrialParameter p, Object raw, String source) {
        String where = source + ": " + p.key() + " = " + raw + ": ";
        return switch (p.kind()) {
            case INT -> {
                double v = number(raw, where);
                if (v != Math.rint(v)) {
                    throw new SweeperException(where + "must be a whole number");
                }
                checkRange(p, v, where);
                yield Math.abs(v) < Integer.MAX_VALUE ? (Object) (int) v : (Object) (long) v;
            }
            case NUMBER -> {
                double v = number(raw, where);
                checkRange(p, v, where);
                yield v;
            }
            case BOOL -> {
                if (raw instanceof Boolean b) {
                    yield b;
                }
                String s = String.valueOf(raw).toLowerCase(Locale.ROOT);
                if (!s.equals("true") && !s.equals("false")) {
                    throw new SweeperException(where + "must be true or false");
                }
                yield Boolean.parseBoolean(s);
            }
            case TEXT -> {
                if (!(raw instanceof String s) || s.isBlank()) {
                    throw new SweeperException(where + "must be a non-empty text");
                }
                yield s;
            }
            case CHOICE -> {
                String s = String.valueOf(raw).toLowerCase(Locale.ROOT);
                if (!p.choices().contains(s)) {
                    throw new SweeperException(where + "must be one of " + String.join(", ", p.choices()));
                }
                yield s;
            }
        };
    }

    private static double number(Object raw, String where) {
        if (raw instanceof Number n) {
            return n.doubleValue();
        }
        if (raw instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                throw new SweeperException(where + "must be a number");
            }
        }
        throw new SweeperException(where + "must be a number");
    }

    private static void checkRange(TrialParameter p, double v, String where) {
        if (!(v >= p.min() && v <= p.max())) {
            throw new SweeperException(where + "must be in " + p.range());
        }
    }
}
