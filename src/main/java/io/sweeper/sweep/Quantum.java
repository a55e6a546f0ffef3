package io.sweeper.sweep;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The {@code q} of a {@code q_} distribution: samples are rounded to the nearest multiple of it,
 * {@code round(x / q) * q} with Python's round-half-to-even as in W&amp;B. A q written as an integer
 * gives integers ({@code Long}), as W&amp;B does; otherwise the multiple is computed in decimal, so
 * q = 0.1 gives 0.3 rather than 0.30000000000000004.
 *
 * @param step     q exactly as written in the file
 * @param integral whether the file wrote q as an integer
 */
public record Quantum(BigDecimal step, boolean integral) {

    /** W&amp;B's default q: 1.0, a float, so its samples are reals. */
    public static final Quantum DEFAULT = new Quantum(BigDecimal.ONE, false);

    public Quantum {
        Objects.requireNonNull(step, "step");
        if (step.signum() <= 0) {
            throw new InvalidSpecException("q", "must be greater than 0, got " + step.toPlainString());
        }
        if (integral && step.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("an integral q must be a whole number, got " + step);
        }
    }

    /** The q a file wrote as a real number. */
    public static Quantum of(double q) {
        if (!(q > 0) || Double.isInfinite(q)) {
            throw new InvalidSpecException("q", "must be greater than 0, got " + PythonText.number(q));
        }
        return new Quantum(new BigDecimal(Double.toString(q)), false);
    }

    /** The q a file wrote as an integer. */
    public static Quantum ofInteger(long q) {
        return new Quantum(BigDecimal.valueOf(q), true);
    }

    /** The index k of the multiple k·q nearest to x. */
    public long nearestIndex(double x) {
        return (long) Math.rint(x / step.doubleValue());
    }

    /** k·q, as a {@code Long} when q is integral, else the double nearest the exact decimal product. */
    public Object multiple(long k) {
        return integral ? (Object) Math.multiplyExact(k, step.longValueExact()) : BigDecimal.valueOf(k).multiply(step).doubleValue();
    }

    /** x rounded to the nearest multiple of q. */
    public Object round(double x) {
        return multiple(nearestIndex(x));
    }

    /** Whether x is (to rounding error) a multiple of q. */
    public boolean divides(double x) {
        double ratio = x / step.doubleValue();
        return Math.abs(ratio - Math.rint(ratio)) < 1e-9 * Math.max(1, Math.abs(ratio));
    }

    @Override
    public String toString() {
        return step.toPlainString();
    }
}
