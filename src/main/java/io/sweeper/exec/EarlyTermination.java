package io.sweeper.exec;

import io.sweeper.search.MetricCurve;
import io.sweeper.search.Pruner;
import io.sweeper.store.Store;
import io.sweeper.store.TrialCurve;
import io.sweeper.sweep.SweepSpec;
import io.sweeper.sweep.TrialState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sweep's {@code early_terminate}, acted on after each recorded epoch. It keeps every trial's
 * curve of the sweep's metric in memory — read from the store when a trial starts (a resumed
 * sweep starts from what was recorded, so brackets and rungs keep their state), merged with the
 * store's every half lease (other processes' epochs and ended trials) and updated by this
 * process's own epochs in between — so a decision costs no query: one append and one pass over
 * the curves.
 */
final class EarlyTermination {
    private final Store store;
    private final long sweepId;
    private final Optional<Pruner> pruner;
    private final String metricName;
    /** Curves by trial number; guarded by this. */
    private final Map<Integer, MetricCurve> curves = new HashMap<>();

    EarlyTermination(Store store, long sweepId, SweepSpec spec) {
        this.store = store;
        this.sweepId = sweepId;
        this.pruner = Pruner.forSpec(spec);
        this.metricName = spec.metric().map(m -> m.name()).orElse("");
    }

    /**
     * Reads every trial's curve from the store (one query), replacing what is kept. Called when a
     * trial (re)starts: what an earlier attempt recorded is then what the store kept of it (the
     * epochs a resumed attempt continues from, or none).
     */
    void reload() {
        if (pruner.isPresent()) {
            Map<Integer, MetricCurve> stored = stored();
            synchronized (this) {
                curves.clear();
                curves.putAll(stored);
            }
        }
    }

    /**
     * Merges the store's curves into what is kept (one query), so that epochs other processes
     * recorded since the last trial start count in this process's decisions. A curve kept here that
     * goes further than the store's is this process's own trial, whose latest epoch was committed
     * after the query read: it stays.
     */
    void refresh() {
        if (pruner.isPresent()) {
            Map<Integer, MetricCurve> stored = stored();
            synchronized (this) {
                stored.forEach((number, theirs) -> curves.merge(number, theirs,
                        (mine, read) -> mine.lastEpoch() > read.lastEpoch() ? mine : read));
            }
        }
    }

    private Map<Integer, MetricCurve> stored() {
        Map<Integer, MetricCurve> stored = new HashMap<>();
        for (TrialCurve curve : store.metricCurves(sweepId, metricName)) {
            stored.put(curve.number(), MetricCurve.of(curve.number(), curve.state(), curve.valuesByEpoch()));
        }
        return stored;
    }

    /** A trial ended in {@code state} (median stopping compares with finished trials only). */
    synchronized void ended(int number, TrialState state) {
        curves.computeIfPresent(number, (n, curve) -> curve.withState(state));
    }

    /**
     * Records an epoch the store has just recorded and asks the pruner; why the trial should stop
     * (e.g. "at epoch 9: val_loss 0.41 …"), or empty. An epoch without a finite value of the metric
     * is no new iteration and decides nothing.
     */
    Optional<String> afterEpoch(int number, int epoch, Map<String, Double> metrics) {
        if (pruner.isEmpty()) {
            return Optional.empty();
        }
        Double value = metrics.get(metricName);
        if (value == null || !Double.isFinite(value)) {
            return Optional.empty();
        }
        MetricCurve trial;
        List<MetricCurve> others;
        synchronized (this) {
            trial = curves.getOrDefault(number, MetricCurve.empty(number, TrialState.RUNNING)).with(epoch, value);
            curves.put(number, trial);
            others = new ArrayList<>(curves.size());
            for (MetricCurve curve : curves.values()) {
                if (curve.trialNumber() != number) {
                    others.add(curve);
                }
            }
        }
        return pruner.get().prune(trial, others).map(why -> "at epoch " + epoch + ": " + why);
    }
}
