package io.sweeper.sweep;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The sweep file's {@code early_terminate}: which rule stops hopeless trials while they run, acted
 * on by the search package. {@code type: hyperband} is W&amp;B's; {@code asha} and {@code median}
 * are sweeper's additive types, each with its own keys. An "iteration" is an epoch that recorded
 * the sweep's metric, counted from 1, as W&amp;B counts logged values.
 */
public sealed interface EarlyTerminate {

    /** The {@code type:} word. */
    Type type();

    enum Type {
        HYPERBAND, ASHA, MEDIAN;

        public String yamlName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * W&amp;B's Hyperband stopping. Either {@code min_iter} (brackets at min_iter·eta^k) or
     * {@code max_iter} with {@code s} (s brackets counting down from max_iter by eta); when both
     * are given W&amp;B uses max_iter and s, and so does {@link #bands()}.
     *
     * @param eta     the factor between brackets; the top 1/eta of trials survive each one (default 3)
     * @param strict  compare the value at the bracket rather than the best so far (default true,
     *                W&amp;B's schema default)
     */
    record Hyperband(Optional<Integer> minIter, Optional<Integer> maxIter, Optional<Integer> s,
                     double eta, boolean strict) implements EarlyTerminate {
        public static final double DEFAULT_ETA = 3;
        public static final boolean DEFAULT_STRICT = true;
        /** W&amp;B lists this many min_iter brackets; sweeper stops earlier only where an int overflows. */
        private static final int MAX_MIN_ITER_BANDS = 100;

        public Hyperband {
            Objects.requireNonNull(minIter, "minIter");
            Objects.requireNonNull(maxIter, "maxIter");
            Objects.requireNonNull(s, "s");
            if (minIter.isEmpty() && maxIter.isEmpty()) {
                throw new InvalidSpecException("min_iter", "hyperband needs min_iter, or max_iter and s");
            }
            minIter.ifPresent(m -> atLeastOne("min_iter", m));
            maxIter.ifPresent(m -> atLeastOne("max_iter", m));
            if (maxIter.isPresent() && s.isEmpty()) {
                throw new InvalidSpecException("s", "is required with max_iter (the number of brackets below it)");
            }
            s.ifPresent(v -> atLeastOne("s", v));
            requireEta(eta);
            if (maxIter.isPresent() && maxIter.get() / eta < 1) {
                throw new InvalidSpecException("max_iter", "max_iter " + maxIter.get() + " with eta "
                        + PythonText.number(eta) + " leaves no bracket (max_iter / eta < 1); raise max_iter or lower eta");
            }
        }

        @Override
        public Type type() {
            return Type.HYPERBAND;
        }

        /**
         * The iterations at which Hyperband compares trials, ascending, computed as W&amp;B does:
         * from max_iter, divide by eta s times (stopping below 1) and truncate; from min_iter,
         * multiply by eta (100 brackets, truncated).
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

    /**
     * Asynchronous successive halving (Li et al. 2018): rungs at min_iter·eta^k (below
     * {@code max_iter} when given); a trial reaching a rung goes on only if its value there is in
     * the top 1/eta of the values recorded at that rung so far.
     */
    record Asha(int minIter, Optional<Integer> maxIter, double eta) implements EarlyTerminate {
        public static final double DEFAULT_ETA = 3;

        public Asha {
            atLeastOne("min_iter", minIter);
            Objects.requireNonNull(maxIter, "maxIter");
            maxIter.filter(m -> m <= minIter).ifPresent(m -> {
                throw new InvalidSpecException("max_iter", "must be greater than min_iter (" + minIter + "), got " + m);
            });
            requireEta(eta);
        }

        @Override
        public Type type() {
            return Type.ASHA;
        }

        /** The rung iterations, ascending: min_iter·eta^k truncated, distinct, below max_iter. */
        public List<Integer> rungs() {
            List<Integer> rungs = new ArrayList<>();
            long limit = maxIter.map(m -> (long) m).orElse((long) Integer.MAX_VALUE + 1);
            for (double rung = minIter; rung < limit; rung *= eta) {
                if (rungs.isEmpty() || rungs.get(rungs.size() - 1) != (int) rung) {
                    rungs.add((int) rung);
                }
            }
            return List.copyOf(rungs);
        }
    }

    /**
     * Median stopping (Golovin et al. 2017): stop a trial whose best value so far is worse than the
     * median of the finished trials' running averages over as many iterations.
     *
     * @param minIter    the first iteration at which a trial may be stopped (default 1)
     * @param minTrials  finished trials needed before any trial is stopped (default 5, as Optuna)
     */
    record Median(int minIter, int minTrials) implements EarlyTerminate {
        public static final int DEFAULT_MIN_ITER = 1;
        public static final int DEFAULT_MIN_TRIALS = 5;

        public Median {
            atLeastOne("min_iter", minIter);
            atLeastOne("min_trials", minTrials);
        }

        @Override
        public Type type() {
            return Type.MEDIAN;
        }
    }

    private static void atLeastOne(String key, int value) {
        if (value < 1) {
            throw new InvalidSpecException(key, "must be at least 1, got " + value);
        }
    }

    private static void requireEta(double eta) {
        if (!(eta > 1)) {
            throw new InvalidSpecException("eta", "must be greater than 1, got " + PythonText.number(eta));
        }
    }
}
