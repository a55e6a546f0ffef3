package io.sweeper.dashboard;

import io.sweeper.search.PedAnova;
import io.sweeper.sweep.Goal;
import io.sweeper.sweep.SweepSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;

/**
 * The importance table: PED-ANOVA's share per parameter ({@link PedAnova}) beside W&amp;B's
 * signed correlation of the parameter's value with the metric. Computed from finished trials
 * only (a pruned trial's value is of fewer epochs, not comparable), and not at all under
 * {@link #MIN_TRIALS}: a ranking of five trials reads as knowledge and is noise.
 */
final class ParameterImportance {
    static final int MIN_TRIALS = 10;
    static final String METHOD = "PED-ANOVA (Watanabe et al. 2023), top 10 % of trials vs all";

    /** One parameter's row; {@code correlation} is empty for a categorical or constant-valued one. */
    record Row(String parameter, double importance, OptionalDouble correlation) {
    }

    private ParameterImportance() {
    }

    /**
     * The rows, most important first; empty under {@link #MIN_TRIALS} observations.
     *
     * @param numeric each parameter's values as numbers per observation (same order), for those that have them
     */
    static List<Row> rank(SweepSpec spec, Goal goal, List<PedAnova.Observation> observations,
            Map<String, double[]> numeric) {
        if (observations.size() < MIN_TRIALS) {
            return List.of();
        }
        double[] values = observations.stream().mapToDouble(PedAnova.Observation::value).toArray();
        List<Row> rows = new ArrayList<>();
        PedAnova.importance(spec, goal, observations).forEach((name, share) ->
                rows.add(new Row(name, share, correlation(numeric.get(name), values))));
        return rows;
    }

    private static OptionalDouble correlation(double[] x, double[] y) {
        if (x == null || variance(x) == 0 || variance(y) == 0) {
            return OptionalDouble.empty();
        }
        double r = new PearsonsCorrelation().correlation(x, y);
        return Double.isFinite(r) ? OptionalDouble.of(r) : OptionalDouble.empty();
    }

    private static double variance(double[] x) {
        double mean = 0;
        for (double v : x) {
            mean += v / x.length;
        }
        double sum = 0;
        for (double v : x) {
            sum += (v - mean) * (v - mean);
        }
        return sum;
    }
}
