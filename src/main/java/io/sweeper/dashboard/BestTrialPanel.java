package io.sweeper.dashboard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sweeper.SweeperException;
import io.sweeper.store.CheckpointRow;
import io.sweeper.store.EpochMetrics;
import io.sweeper.store.Store;
import io.sweeper.store.TrialRow;
import io.sweeper.tracking.ConfusionMatrix;
import io.sweeper.train.Trainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The built-in trainer's best trial: its four curves (loss and accuracy, train and validation),
 * its confusion matrix on the validation set with the most confused pairs, and sample
 * predictions. What cannot be shown gets an {@code empty} reason the page prints instead.
 */
final class BestTrialPanel {
    static final List<String> CURVES = List.of("loss", "val_loss", "accuracy", "val_accuracy");
    static final int CONFUSED_PAIRS = 10;

    private BestTrialPanel() {
    }

    static ObjectNode json(Store store, TrialRow best, boolean builtInTrainer, Optional<SamplePredictions> samples) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("number", best.number());
        if (!builtInTrainer) {
            node.put("empty", "this sweep runs its own program (command:), which records no confusion matrix or"
                    + " checkpoint sweeper can read: these panels are for the built-in trainer");
            return node;
        }
        ObjectNode curves = node.putObject("curves");
        List<EpochMetrics> epochs = store.metrics(best.id());
        for (String name : CURVES) {
            ArrayNode points = curves.putArray(name);
            for (EpochMetrics epoch : epochs) {
                Double value = epoch.values().get(name);
                if (value != null) {
                    ArrayNode point = points.addArray();
                    point.add(epoch.epoch());
                    Json.addRounded(point, value);
                }
            }
        }
        Optional<Path> checkpoint = store.checkpoints(best.id()).stream()
                .max(Comparator.comparingInt(CheckpointRow::epoch)).map(CheckpointRow::path);
        Optional<Path> csv = checkpoint.map(c -> c.getParent().resolve(Trainer.CONFUSION_CSV)).filter(Files::isRegularFile);
        if (csv.isEmpty()) {
            node.put("confusionEmpty", checkpoint.isEmpty()
                    ? "trial " + best.number() + " recorded no checkpoint"
                    : "no " + Trainer.CONFUSION_CSV + " beside " + checkpoint.get()
                            + " (the trial was stopped before its final evaluation, or its folder moved)");
        } else {
            try {
                confusion(node, ConfusionMatrix.readCsv(csv.get()));
            } catch (SweeperException e) {
                node.put("confusionEmpty", e.getMessage());
            }
        }
        if (checkpoint.isEmpty()) {
            node.put("imagesEmpty", "trial " + best.number() + " recorded no checkpoint to predict with");
        } else if (samples.isEmpty()) {
            node.put("imagesEmpty", "predicted when the sweep has ended (or by `sweeper dashboard`): loading the checkpoint"
                    + " and the data set is left out of the pages written while it runs");
        } else {
            samples.get().json(checkpoint.get(), node);
        }
        return node;
    }

    /** {@code labels}, {@code counts} (row = actual) and the {@link #CONFUSED_PAIRS} largest off-diagonal cells. */
    private static void confusion(ObjectNode node, ConfusionMatrix matrix) {
        ObjectNode out = node.putObject("confusion");
        ArrayNode labels = out.putArray("labels");
        matrix.labels().forEach(labels::add);
        ArrayNode rows = out.putArray("counts");
        record Pair(int actual, int predicted, long count) {
        }
        List<Pair> pairs = new ArrayList<>();
        for (int a = 0; a < matrix.size(); a++) {
            ArrayNode row = rows.addArray();
            for (int p = 0; p < matrix.size(); p++) {
                row.add(matrix.count(a, p));
                if (a != p && matrix.count(a, p) > 0) {
                    pairs.add(new Pair(a, p, matrix.count(a, p)));
                }
            }
        }
        ArrayNode confused = out.putArray("pairs");
        pairs.stream().sorted(Comparator.comparingLong(Pair::count).reversed()).limit(CONFUSED_PAIRS).forEach(pair -> {
            ObjectNode item = confused.addObject();
            item.put("actual", matrix.labels().get(pair.actual()));
            item.put("predicted", matrix.labels().get(pair.predicted()));
            item.put("count", pair.count());
            item.put("share", matrix.rowFraction(pair.actual(), pair.predicted()));
        });
    }
}
