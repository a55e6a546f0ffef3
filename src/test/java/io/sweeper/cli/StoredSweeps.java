package io.sweeper.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sweeper.store.ClaimedTrial;
import io.sweeper.sweep.Goal;
import io.sweeper.store.Store;
import io.sweeper.store.TrialOutcome;
import io.sweeper.sweep.MetricGoal;
import io.sweeper.sweep.SweepFiles;
import io.sweeper.sweep.SweepSpec;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Sweeps put in a real store through its public API, as {@code sweeper run} would leave them:
 * a sweep file from src/test/resources/sweeps, trials queued with their parameters, then
 * claimed in number order, given per-epoch values of the sweep's metric (epochs from 1, as the
 * trainer counts) and ended.
 */
final class StoredSweeps {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Store store;
    private final long sweepId;
    private final String metric;

    private StoredSweeps(Store store, long sweepId, String metric) {
        this.store = store;
        this.sweepId = sweepId;
        this.metric = metric;
    }

    /** Creates the sweep of the test sweep file {@code sweeps/<name>}. */
    static StoredSweeps create(Store store, String name) {
        SweepSpec spec = SweepFiles.load(resource("sweeps/" + name)).spec();
        MetricGoal metric = spec.metric().orElseThrow();
        long id = store.createSweep(spec.name().orElseThrow(), spec.yamlText(), spec.method().yamlName(), metric.name(),
                Goal.valueOf(metric.goal().name()));
        return new StoredSweeps(store, id, metric.name());
    }

    static Path resource(String name) {
        try {
            return Path.of(StoredSweeps.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    long id() {
        return sweepId;
    }

    /** Queues trial {@code number} with these parameters. */
    StoredSweeps queue(int number, Map<String, Object> params) {
        try {
            store.addTrial(sweepId, number, JSON.writeValueAsString(params));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** Claims the next queued trial and records {@code values} as its epochs 1, 2, …; it stays running. */
    ClaimedTrial start(double... values) {
        ClaimedTrial trial = store.claimNextTrial(sweepId, "test-worker", Duration.ofMinutes(5)).orElseThrow();
        for (int epoch = 1; epoch <= values.length; epoch++) {
            store.recordEpoch(trial.lease(), epoch, Map.of(metric, values[epoch - 1], "loss", 1.0));
        }
        return trial;
    }

    /** Runs the next queued trial through {@code values} and ends it as {@code outcome}. */
    StoredSweeps run(TrialOutcome outcome, double... values) {
        store.finishTrial(start(values).lease(), outcome);
        return this;
    }
}
