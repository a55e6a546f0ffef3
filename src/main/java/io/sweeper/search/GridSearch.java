package io.sweeper.search;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.sweeper.sweep.GridSpace;
import io.sweeper.sweep.SweepSpec;

/**
 * Walks the cartesian product of every parameter's values in {@link GridSpace}'s order —
 * parameters in file order (nested ones depth first), values in listed order, the last parameter
 * varying fastest — and suggests the first point no trial in the history has run. A point is
 * never suggested twice, whatever became of its trial: retrying a failed trial is the executor's
 * decision, as in W&amp;B.
 *
 * <p>Grid values per distribution, following W&amp;B: constant and categorical as listed;
 * int_uniform every integer from min to max inclusive; q_uniform every multiple of q between
 * round(min/q)·q and round(max/q)·q inclusive — exactly the values random sampling can produce.
 * (W&amp;B's grid takes {@code numpy.arange(min, max, q)}, which leaves max out and, when min is
 * not a multiple of q, lists values random sampling never gives; sweeper does not copy that.)
 * Every other distribution, and categorical with probabilities, is refused when the file is read.
 */
public final class GridSearch implements SearchMethod {

    /**
     * @throws IllegalArgumentException when the spec has a parameter grid search cannot enumerate
     *                                  (a sweep file with {@code method: grid} never does)
     */
    @Override
    public Optional<Map<String, Object>> suggest(SweepSpec spec, List<TrialRecord> history) {
        if (SweepLimits.reached(spec, history)) {
            return Optional.empty();
        }
        GridSpace grid = GridSpace.of(spec.parameters());
        Set<Map<String, Object>> tried = new HashSet<>();
        history.forEach(trial -> tried.add(trial.params()));
        // Stops at the first untried point, so it looks at no more than history.size() + 1 points.
        for (long i = 0; i < grid.size(); i++) {
            Map<String, Object> point = grid.pointAt(i);
            if (!tried.contains(point)) {
                return Optional.of(point);
            }
        }
        return Optional.empty();
    }
}
