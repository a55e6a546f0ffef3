package io.sweeper.train;

import java.util.LinkedHashMap;
import java.util.Map;

/** What one epoch of a trial reports (epochs count from 1). */
public record EpochMetrics(int epoch, double loss, double accuracy, double valLoss, double valAccuracy,
        double seconds, double imagesPerSecond) {

    /** By metric name, the names sweeps and MLflow use. */
    public Map<String, Double> byName() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("loss", loss);
        m.put("accuracy", accuracy);
        m.put("val_loss", valLoss);
        m.put("val_accuracy", valAccuracy);
        m.put("epoch_seconds", seconds);
        m.put("images_per_second", imagesPerSecond);
        return m;
    }
}
