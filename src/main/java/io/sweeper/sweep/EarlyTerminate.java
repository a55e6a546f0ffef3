package io.sweeper.sweep;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The sweep file's {@code early_terminate}: W&amp;B's Hyperband stopping, recorded here and acted
 * on by the search package. Either {@code min_iter} (brackets at min_iter·eta^k) or
 * {@code max_iter} with {@code s} (s brackets counting down from max_iter by eta); when both are
 * given W&amp;B uses max_iter and s, and so does {@link #bands()}.
 *
 * @param eta     the factor between brackets; the top 1/eta of trials survive each one (default 3)
 * @param strict  W&amp;B's stricter termination rule from the original paper (default true)
 */
public record EarlyTerminate(Type type, Optional<Integer> minIter, Optional<Integer> maxIter,
                             Optional<Integer> s, double eta, boolean strict) {

    public static final double DEFAULT_ETA = 3;
    public static final boolean DEFAULT_STRICT = true;
    /** W&amp;B lists this many min_iter brackets; sweeper stops earlier only where an int overflows. */
    private static final int MAX_MIN_ITER_BANDS = 100;

    public enum Type {
        HYPERBAND;

        public String yamlName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public EarlyTerminate {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(minIter, "minIter");
        Objects.requireNonNull(maxIter, "maxIter");
        Objects.requireNonNull(s, "s");
        if (minIter.isEmpty() && maxIter.isEmpty()) {
            throw new InvalidSpecException("min_iter", "hyperband needs min_iter, or max_iter and s");
        }
        minIter.filter(m -> m < 1).ifPresent(m -> {
            throw new InvalidSpecException("min_iter", "must be at least 1, got " + m);
        });
        maxIter.filter(m -> m < 1).ifPresent(m -> {
            throw new InvalidSpecException("max_iter", "must be at least 1, got " + m);
        });
        if (maxIter.isPresent() && s.isEmpty()) {
            throw new InvalidSpecException("s", "is required with max_iter (the number of brackets below it)");
        }
        s.filter(v -> v < 1).ifPresent(v -> {
            throw new InvalidSpecException("s", "must be at least 1, got " + v);
        });
        if (!(eta > 1)) {
            throw new InvalidSpecException("eta", "must be greater than 1, got " + PythonText.number(eta));
        }
        if (maxIter.isPresent() && maxIter.get() / eta < 1) {
            throw new InvalidSpecException("max_iter", "max_iter " + maxIter.get() + " with eta "
                    + PythonText.number(eta) + " leaves no bracket (max_iter / eta < 1); raise max_iter or lower eta");
        }
    }

    /**
     * The iterations (epochs) at which Hyperband compares trials, ascending, computed as W&amp;B
     * does: from max_iter, divide by eta s times (stopping below 1); from min_iter, multiply by eta.
     */
    public List<Integer> bands() {
        List<Integer> bands = new ArrayList<>();
        if (maxIter.isPresent()) {
            double band = maxIter.get();
            for (int i = 0; i < s.orElseThrow(); i++) {
                band /= eta;
                if (band < 1) {
                    break;
                }
                bands.add((int) band);
            }
            Collections.sort(bands);
        } else {
            double band = minIter.orElseThrow();
            for (int i = 0; i < MAX_MIN_ITER_BANDS && band <= Integer.MAX_VALUE; i++) {
                bands.add((int) band);
                band *= eta;
            }
        }
        return List.copyOf(bands);
    }
}
