package io.sweeper.dashboard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sweeper.store.TrialCurve;
import io.sweeper.store.TrialRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The trials' metric per epoch for the learning-curve panel, within budgets: of more than
 * {@link #MAX_CURVES} trials, the top k and an even sample of the others (only those are read
 * from the store); past {@link #POINT_BUDGET} points, curves outside the top k keep every n-th
 * epoch (and their last). The page says what was left out. A browser draws 100,000 points at
 * once; a million it does not, and reading a million metric rows takes longer than the page may.
 */
final class LearningCurves {
    static final int MAX_CURVES = 1_000;
    static final int POINT_BUDGET = 100_000;

    private LearningCurves() {
    }

    /** The numbers of the trials whose curves are drawn: all that recorded an epoch, or a sample of them. */
    static List<Integer> chosen(List<TrialRow> trials, Set<Integer> top) {
        List<Integer> recorded = trials.stream().filter(t -> t.lastEpoch().isPresent()).map(TrialRow::number).sorted().toList();
        if (recorded.size() <= MAX_CURVES) {
            return recorded;
        }
        List<Integer> others = recorded.stream().filter(n -> !top.contains(n)).toList();
        int room = MAX_CURVES - top.size();
        List<Integer> chosen = new ArrayList<>(top);
        for (int i = 0; i < room; i++) {
            chosen.add(others.get((int) ((long) i * others.size() / room)));
        }
        return chosen;
    }

    /**
     * {@code {recorded, stride, points, trials: [{n, state, top, e: [...], v: [...]}]}}: stride 1
     * when every epoch is kept, {@code recorded} the number of trials that have a curve.
     */
    static ObjectNode json(List<TrialCurve> curves, Set<Integer> top, long recorded) {
        long points = curves.stream().mapToLong(c -> c.valuesByEpoch().size()).sum();
        int stride = (int) Math.max(1, (points + POINT_BUDGET - 1) / POINT_BUDGET);
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("recorded", recorded);
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
