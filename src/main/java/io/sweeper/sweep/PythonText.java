package io.sweeper.sweep;

import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Configuration values written the way Python's {@code str()} and {@code repr()} write them. W&amp;B's
 * agent builds {@code --key=value} with Python's {@code str()}, and the training scripts that sweep
 * files were written for parse exactly that ({@code True}, {@code 1e-05}, {@code [64, 128]}), so
 * sweeper's command lines and descriptions use the same spelling.
 */
public final class PythonText {
    private PythonText() {
    }

    /** Python's {@code str(value)}: strings bare, everything else as {@link #repr}. */
    public static String str(Object value) {
        return value instanceof String s ? s : repr(value);
    }

    /** Python's {@code repr(value)} for the value types a configuration holds. */
    static String repr(Object value) {
        if (value instanceof String s) {
            return quoted(s);
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (value instanceof Double d) {
            return number(d);
        }
        if (value instanceof Float f) {
            return number(f.doubleValue());
        }
        if (value instanceof Number n) {
            return n.toString();
        }
        if (value instanceof java.util.List<?> list) {
            return list.stream().map(PythonText::repr).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream()
                    .map(e -> repr(e.getKey()) + ": " + repr(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        throw new IllegalArgumentException("not a configuration value: " + value);
    }

    /**
     * A double as Python's {@code repr} writes it: the shortest digits that read back to the same
     * double, positional between 1e-4 and 1e16 (always with a fraction: {@code 3.0}), scientific
     * outside it ({@code 1e-05}, {@code 1.5e+16}).
     */
    static String number(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        String sign = Double.doubleToRawLongBits(d) < 0 ? "-" : "";
        BigDecimal decimal = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        if (decimal.signum() == 0) {
            return sign + "0.0";
        }
        String digits = decimal.unscaledValue().toString();
        int exponent = digits.length() - 1 - decimal.scale();
        if (exponent < -4 || exponent >= 16) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String exp = String.format("%02d", Math.abs(exponent));
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
        }
        String plain = decimal.toPlainString();
        return sign + (plain.contains(".") ? plain : plain + ".0");
    }

    /** Python's string repr: single quotes unless the text has one and no double quote. */
    private static String quoted(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder out = new StringBuilder().append(quote);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c == quote) {
                        out.append('\\');
                    }
                    out.append(c);
                }
            }
        }
        return out.append(quote).toString();
    }
}
