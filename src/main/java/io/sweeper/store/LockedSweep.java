package io.sweeper.store;

import static io.sweeper.store.jooq.Tables.TRIAL;

import io.sweeper.store.jooq.tables.records.SweepRecord;
import io.sweeper.sweep.TrialState;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.jooq.DSLContext;

/**
 * A sweep whose row the current transaction has locked ({@link Store#withSweepLocked}): while it
 * is held, no other planner in any process reads or adds the sweep's trials, so what is read here
 * is current until the transaction ends and two planners never add the same configuration or
 * number. Usable only inside the callback it was given to.
 */
public final class LockedSweep {
    private final DSLContext tx;
    private final SweepRecord sweep;

    LockedSweep(DSLContext tx, SweepRecord sweep) {
        this.tx = tx;
        this.sweep = sweep;
    }

    public SweepState state() {
        return SweepState.fromWord(sweep.getState());
    }

    /** Every trial's number, state and best value, by number; no parameters (they never change). */
    public List<TrialStatus> trials() {
        return tx.select(TRIAL.NUMBER, TRIAL.STATE, TRIAL.BEST_VALUE)
                .from(TRIAL)
                .where(TRIAL.SWEEP_ID.eq(sweep.getId()))
                .orderBy(TRIAL.NUMBER)
                .fetch(r -> new TrialStatus(r.value1(), TrialState.fromWord(r.value2()),
                        r.value3() == null ? OptionalDouble.empty() : OptionalDouble.of(r.value3())));
    }

    /** The parameters (JSON) of the trials numbered above {@code number}, by number. */
    public Map<Integer, String> paramsJsonAbove(int number) {
        Map<Integer, String> params = new TreeMap<>();
        tx.select(TRIAL.NUMBER, TRIAL.PARAMS_JSON)
                .from(TRIAL)
                .where(TRIAL.SWEEP_ID.eq(sweep.getId()).and(TRIAL.NUMBER.gt(number)))
                .forEach(r -> params.put(r.value1(), r.value2()));
        return params;
    }

    /** Queues {@code trials}, committed with the transaction. */
    public void add(List<NewTrial> trials) {
        TrialLifecycle.add(tx, sweep.getId(), trials);
    }

    /**
     * Marks the sweep finished: the caller's search has nothing more to suggest. Refused while a
     * trial is queued or running, so no process finishes a sweep another one is still working on.
     * Nobody works on a finished sweep: the rows of processes killed on other machines, which no
     * one could tell were dead, go too.
     */
    public void finish() {
        int open = tx.fetchCount(TRIAL, TRIAL.SWEEP_ID.eq(sweep.getId())
                .and(TRIAL.STATE.in(TrialState.QUEUED.word(), TrialState.RUNNING.word())));
        if (open > 0) {
            throw new IllegalStateException("sweep " + sweep.getId() + " still has " + open + " queued or running trials");
        }
        SweepCatalog.setState(tx, sweep, SweepState.FINISHED);
        SweepProcesses.clear(tx, sweep.getId());
    }
}
