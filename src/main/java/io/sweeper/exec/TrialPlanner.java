package io.sweeper.exec;

import io.sweeper.search.SearchMethod;
import io.sweeper.search.TrialRecord;
import io.sweeper.store.LockedSweep;
import io.sweeper.store.NewTrial;
import io.sweeper.store.Store;
import io.sweeper.store.SweepState;
import io.sweeper.store.TrialStatus;
import io.sweeper.sweep.SweepSpec;
import io.sweeper.sweep.TrialState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps a sweep's queue filled from its search method, for every process sharing the sweep: each
 * step is one transaction holding the sweep row's lock ({@link Store#withSweepLocked}) that reads
 * the trials' states, asks the search, and queues what it suggests, so two processes never add
 * the same grid point or trial number. Parameters never change once queued, so they are read from
 * the store only for trials this planner has not seen yet; states and best values are read on
 * every step. Not thread-safe: a process's workers take turns.
 */
final class TrialPlanner {
    /** What a worker may expect after a step. */
    enum Next {
        /** Trials are queued (or were, a moment ago): claim one. */
        CLAIM,
        /** Nothing queued and nothing more to suggest, but trials still run: one may come back if its worker dies. */
        WAIT,
        /** The sweep has ended (this step finished it, or another process ended it). */
        DONE
    }

    private final Store store;
    private final long sweepId;
    private final SweepSpec spec;
    private final SearchMethod search;
    private final Map<Integer, Map<String, Object>> paramsByNumber = new HashMap<>();
    private int highestKnown = -1;
    /** {@code sweep_timeout}: no trial is added after this moment (the sweep's creation + the budget). */
    private final Optional<Instant> planUntil;

    TrialPlanner(Store store, long sweepId, SweepSpec spec, SearchMethod search) {
        this.store = store;
        this.sweepId = sweepId;
        this.spec = spec;
        this.search = search;
        this.planUntil = spec.sweepTimeout().map(store.findSweep(Long.toString(sweepId)).createdAt()::plus);
    }

    /** Queues suggestions until {@code queueLength} trials wait, or finishes the sweep when nothing is left. */
    Next step(int queueLength) {
        Map<TrialState, Integer> counts = store.trialCounts(sweepId);
        if (counts.get(TrialState.QUEUED) >= queueLength) {
            return Next.CLAIM; // the common case, without taking the sweep's lock
        }
        return store.withSweepLocked(sweepId, sweep -> step(sweep, queueLength));
    }

    private Next step(LockedSweep sweep, int queueLength) {
        if (sweep.state() != SweepState.RUNNING) {
            return Next.DONE;
        }
        List<TrialRecord> history = history(sweep);
        long queued = history.stream().filter(t -> t.state() == TrialState.QUEUED).count();
        boolean running = history.stream().anyMatch(t -> t.state() == TrialState.RUNNING);
        List<NewTrial> added = new ArrayList<>();
        boolean inBudget = planUntil.map(Instant.now()::isBefore).orElse(true);
        while (inBudget && queued + added.size() < queueLength) {
            Optional<Map<String, Object>> next = search.suggest(spec, history);
            if (next.isEmpty()) {
                break;
            }
            int number = TrialRecord.nextNumber(history);
            added.add(new NewTrial(number, ParamsJson.toJson(next.get())));
            history.add(new TrialRecord(number, next.get(), TrialState.QUEUED, Optional.empty()));
        }
        sweep.add(added);
        if (queued + added.size() > 0) {
            return Next.CLAIM;
        }
        if (running) {
            return Next.WAIT;
        }
        sweep.finish();
        return Next.DONE;
    }

    /** The sweep's trials as the search sees them, read under the lock. */
    private List<TrialRecord> history(LockedSweep sweep) {
        List<TrialStatus> trials = sweep.trials();
        if (trials.stream().anyMatch(t -> t.number() <= highestKnown && !paramsByNumber.containsKey(t.number()))) {
            highestKnown = -1; // a trial was added below the numbers seen (not through a planner): read all again
        }
        sweep.paramsJsonAbove(highestKnown).forEach((number, json) -> {
            paramsByNumber.put(number, ParamsJson.fromJson(json));
            highestKnown = Math.max(highestKnown, number);
        });
        List<TrialRecord> history = new ArrayList<>();
        for (TrialStatus trial : trials) {
            Optional<Double> best = trial.bestValue().isPresent()
                    ? Optional.of(trial.bestValue().getAsDouble()) : Optional.empty();
            history.add(new TrialRecord(trial.number(), paramsByNumber.get(trial.number()), trial.state(), best));
        }
        return history;
    }
}
