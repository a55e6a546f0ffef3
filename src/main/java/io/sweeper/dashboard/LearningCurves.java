package io.sweeper.dashboard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sweeper.store.TrialCurve;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every trial's metric per epoch for the learning-curve panel, within a budget of points: past
 * {@link #POINT_BUDGET}, the curves of trials outside the top k keep every n-th epoch (and their
 * last), and the page says so. A browser draws 100,000 points at once; a million it does not.
 */
final class LearningCurves {
    static final int POINT_BUDGET = 100_000;

    private LearningCurves() {
    }

    /** {@code {stride, trials: [{n, state, top, e: [...], v: [...]}]}}; stride 1 when nothing was left out. */
    static ObjectNode json(List<TrialCurve> curves, Set<Integer> top) {
        long points = curves.stream().mapToLong(c -> c.valuesByEpoch().size()).sum();
        int stride = (int) Math.max(1, (points + POINT_BUDGET - 1) / POINT_BUDGET);
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("stride", stride);
        node.put("points", points);
        ArrayNode trials = node.putArray("trials");
        for (TrialCurve curve : curves) {
            boolean highlighted = top.contains(curve.number());
            ObjectNode trial = trials.addObject();
            trial.put("n", curve.number());
            trial.put("state", curve.state().word());
            trial.put("top", highlighted);
            ArrayNode epochs = trial.putArray("e");
            ArrayNode values = trial.putArray("v");
            int kept = 0;
            int size = curve.valuesByEpoch().size();
            for (Map.Entry<Integer, Double> point : curve.valuesByEpoch().entrySet()) {
                boolean last = kept == size - 1;
                if (highlighted || stride == 1 || kept % stride == 0 || last) {
                    epochs.add(point.getKey());
                    Json.addRounded(values, point.getValue());
                }
                kept++;
            }
        }
        return node;
    }
}
