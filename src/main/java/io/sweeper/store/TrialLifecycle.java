package io.sweeper.store;

import io.sweeper.sweep.FailureClass;
import io.sweeper.sweep.TrialState;
import static io.sweeper.store.jooq.Tables.CHECKPOINT;
import static io.sweeper.store.jooq.Tables.EVENT;
import static io.sweeper.store.jooq.Tables.METRIC;
import static io.sweeper.store.jooq.Tables.TRIAL;

import io.sweeper.store.jooq.tables.records.EventRecord;
import io.sweeper.store.jooq.tables.records.SweepRecord;
import io.sweeper.store.jooq.tables.records.TrialRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep5;
import org.jooq.Result;
import org.jooq.exception.DataAccessException;

/**
 * Every change of a trial's state, each one transaction that checks the {@link TrialState}
 * machine on the locked row and appends one event per trial: queuing, claiming (with
 * {@code FOR UPDATE SKIP LOCKED}, so concurrent workers never wait for nor get the same trial),
 * lease renewal, finishing, cancelling, requeuing and reclaiming expired leases.
 */
final class TrialLifecycle {
    /** Rows per INSERT: PostgreSQL allows 65535 bind values in one statement. */
    private static final int INSERT_CHUNK = 1000;
    /** SQLSTATE of a unique-key violation, the same on H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final Database db;
    private final SweepCatalog sweeps;

    TrialLifecycle(Database db, SweepCatalog sweeps) {
        this.db = db;
        this.sweeps = sweeps;
    }

    List<Long> add(long sweepId, List<NewTrial> trials) {
        if (trials.isEmpty()) {
            return List.of();
        }
        try {
            return db.dsl.transactionResult(cfg -> {
                sweeps.require(cfg.dsl(), sweepId);
                return add(cfg.dsl(), sweepId, trials);
            });
        } catch (DataAccessException e) {
            // two writers adding the same numbers at once: the unique key is the referee
            if (UNIQUE_VIOLATION.equals(e.sqlState())) {
                throw numbersTaken(sweepId, numbersOf(trials).toString());
            }
            throw e;
        }
    }

    /** Queues {@code trials} in the caller's transaction; returns their ids in order. */
    static List<Long> add(DSLContext tx, long sweepId, List<NewTrial> trials) {
        if (trials.isEmpty()) {
            return List.of();
        }
        TreeSet<Integer> numbers = numbersOf(trials);
        List<Integer> taken = tx.select(TRIAL.NUMBER).from(TRIAL)
                .where(TRIAL.SWEEP_ID.eq(sweepId)
                        .and(TRIAL.NUMBER.between(numbers.first(), numbers.last())))
                .fetch(TRIAL.NUMBER)
                .stream()
                .filter(numbers::contains)
                .sorted()
                .toList();
        if (!taken.isEmpty()) {
            throw numbersTaken(sweepId, taken.toString());
        }
        Instant now = StoreTime.now();
        List<Long> ids = new ArrayList<>(trials.size());
        for (int from = 0; from < trials.size(); from += INSERT_CHUNK) {
            InsertValuesStep5<TrialRecord, Long, Integer, String, String, Instant> insert = tx.insertInto(
                    TRIAL, TRIAL.SWEEP_ID, TRIAL.NUMBER, TRIAL.PARAMS_JSON, TRIAL.STATE, TRIAL.CREATED_AT);
            for (NewTrial trial : trials.subList(from, Math.min(trials.size(), from + INSERT_CHUNK))) {
                insert = insert.values(sweepId, trial.number(), trial.paramsJson(), TrialState.QUEUED.word(), now);
            }
            ids.addAll(insert.returningResult(TRIAL.ID).fetch(TRIAL.ID));
        }
        int first = numbers.first();
        int last = numbers.last();
        EventLog.sweepEvent(tx, sweepId, now, EventKind.TRIALS_ADDED, trials.size() == 1
                ? "trial #" + first + " queued"
                : trials.size() + " trials queued (#" + first + " to #" + last + ")");
        return ids;
    }

    private static TreeSet<Integer> numbersOf(List<NewTrial> trials) {
        TreeSet<Integer> numbers = new TreeSet<>();
        for (NewTrial trial : trials) {
            if (!numbers.add(trial.number())) {
                throw new IllegalArgumentException("trial #" + trial.number() + " is listed twice");
            }
        }
        return numbers;
    }

    private static TrialConflictException numbersTaken(long sweepId, String numbers) {
        return new TrialConflictException("sweep " + sweepId + " already has trials numbered " + numbers);
    }

    /**
     * The lowest-numbered queued trial of a running sweep, now running under a new lease. Rows that
     * another transaction is claiming are skipped, not waited for, so claims never block each
     * other and never hand out the same trial.
     */
    Optional<ClaimedTrial> claimNext(long sweepId, String worker, Duration lease) {
        requireWorker(worker);
        requirePositive(lease);
        return db.dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            SweepRecord sweep = sweeps.require(tx, sweepId);
            if (SweepState.fromWord(sweep.getState()) != SweepState.RUNNING) {
                return Optional.empty();
            }
            Optional<TrialRecord> locked = lockFirstQueued(tx, sweepId);
            if (locked.isEmpty()) {
                return Optional.empty();
            }
            TrialRecord trial = locked.get();
            Instant now = StoreTime.now();
            String from = enter(trial, TrialState.RUNNING, now);
            trial.setWorker(worker);
            trial.setAttempt(trial.getAttempt() + 1);
            trial.setStartedAt(now);
            trial.setLeaseUntil(now.plus(lease));
            trial.update();
            EventLog.append(tx, List.of(event(tx, trial, from, now,
                    " (worker " + worker + ", attempt " + trial.getAttempt() + ")")));
            Outbox.appendIfMirrored(tx, sweepId, trial.getId(), OutboxKind.TRIAL_STARTED, now, Map.of(
                    "number", trial.getNumber(), "params_json", trial.getParamsJson(),
                    "worker", worker, "attempt", trial.getAttempt()));
            TrialLease granted = new TrialLease(trial.getId(), worker, trial.getAttempt(), trial.getLeaseUntil());
            return Optional.of(new ClaimedTrial(granted, sweepId, trial.getNumber(), trial.getParamsJson(),
                    trial.getLastEpoch() == null ? 0 : trial.getLastEpoch()));
        });
    }

    /** How many queued trials a claim looks at before it locks one. */
    private static final int CLAIM_CANDIDATES = 16;

    /**
     * Locks the lowest-numbered queued trial no other transaction holds. H2 applies LIMIT before
     * SKIP LOCKED, so "the first queued row, skipping locked ones" finds nothing whenever another
     * worker is claiming the first one; instead the lowest-numbered candidates are read without
     * locks and locked one at a time (skipping those held or taken meanwhile). Same query on
     * PostgreSQL, where it costs one more statement per claim. Empty only when nothing is queued.
     */
    private static Optional<TrialRecord> lockFirstQueued(DSLContext tx, long sweepId) {
        Condition queued = TRIAL.SWEEP_ID.eq(sweepId).and(TRIAL.STATE.eq(TrialState.QUEUED.word()));
        while (true) {
            List<Long> candidates = tx.select(TRIAL.ID).from(TRIAL).where(queued)
                    .orderBy(TRIAL.NUMBER).limit(CLAIM_CANDIDATES).fetch(TRIAL.ID);
            if (candidates.isEmpty()) {
                return Optional.empty();
            }
            for (long id : candidates) {
                TrialRecord trial = tx.selectFrom(TRIAL).where(TRIAL.ID.eq(id).and(queued))
                        .forUpdate().skipLocked().fetchOne();
                if (trial != null) {
                    return Optional.of(trial);
                }
            }
        }
    }

    /** The lease extended to now + {@code extension}, or empty when the worker no longer holds it. */
    Optional<TrialLease> heartbeat(TrialLease lease, Duration extension) {
        requirePositive(extension);
        Instant until = StoreTime.now().plus(extension);
        int renewed = db.dsl.update(TRIAL)
                .set(TRIAL.LEASE_UNTIL, until)
                .where(TRIAL.ID.eq(lease.trialId())
                        .and(TRIAL.STATE.eq(TrialState.RUNNING.word()))
                        .and(TRIAL.WORKER.eq(lease.worker()))
                        .and(TRIAL.ATTEMPT.eq(lease.attempt())))
                .execute();
        return renewed == 1
                ? Optional.of(new TrialLease(lease.trialId(), lease.worker(), lease.attempt(), until))
                : Optional.empty();
    }

    void finish(TrialLease lease, TrialOutcome outcome) {
        db.dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            TrialRecord trial = lockLeased(tx, lease);
            Instant now = StoreTime.now();
            String from = enter(trial, outcome.state(), now);
            trial.setError(outcome.error().orElse(null));
            trial.update();
            String best = trial.getBestValue() == null ? ""
                    : " (best " + trial.getBestValue() + " at epoch " + trial.getBestEpoch() + ")";
            String detail = outcome.error().map(error -> ": " + firstLine(error))
                    .orElseGet(() -> outcome.reason().map(why -> " " + why).orElse("") + best);
            EventLog.append(tx, List.of(event(tx, trial, from, now, detail)));
            if (Outbox.mirrors(tx, trial.getSweepId())) {
                appendEnded(tx, trial, now);
            }
        });
    }

    void retry(TrialLease lease, FailureClass failure, String detail, int maxAttempts) {
        db.dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            TrialRecord trial = lockLeased(tx, lease);
            Instant now = StoreTime.now();
            String from = enter(trial, TrialState.QUEUED, now);
            trial.update();
            EventRecord event = event(tx, trial, from, now, " (" + failure.yamlName() + " on attempt " + lease.attempt()
                    + " of " + maxAttempts + ": " + firstLine(detail) + ")");
            event.setKind(EventKind.TRIAL_RETRIED.word());
            EventLog.append(tx, List.of(event));
        });
    }

    int requeueEnded(long sweepId, Set<TrialState> states) {
        return db.dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            SweepRecord sweep = sweeps.lock(tx, sweepId);
            List<String> words = states.stream().map(TrialState::word).toList();
            int requeued = move(tx, sweepId, TRIAL.SWEEP_ID.eq(sweepId).and(TRIAL.STATE.in(words)), TrialState.QUEUED,
                    " (sweeper retry)");
            if (requeued > 0) {
                SweepCatalog.setState(tx, sweep, SweepState.RUNNING);
            }
            return requeued;
        });
    }

    int cancelQueued(long sweepId) {
        return moveAll(sweepId, TrialState.QUEUED, TrialState.CANCELLED, "");
    }

    int requeueCancelled(long sweepId) {
        return moveAll(sweepId, TrialState.CANCELLED, TrialState.QUEUED, " (resumed)");
    }

    private int moveAll(long sweepId, TrialState from, TrialState to, String detail) {
        return db.dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            sweeps.require(tx, sweepId);
            return move(tx, sweepId, TRIAL.SWEEP_ID.eq(sweepId).and(TRIAL.STATE.eq(from.word())), to, detail);
        });
    }

    /** Moves the trials of the sweep that {@code which} selects to {@code to}, locking them; returns how many. */
    private static int move(DSLContext tx, long sweepId, Condition which, TrialState to, String detail) {
        Result<TrialRecord> trials = tx.selectFrom(TRIAL).where(which).orderBy(TRIAL.NUMBER).forUpdate().fetch();
        Instant now = StoreTime.now();
        List<EventRecord> events = new ArrayList<>(trials.size());
        boolean mirrored = !trials.isEmpty() && Outbox.mirrors(tx, sweepId);
        for (TrialRecord trial : trials) {
            boolean wasRunning = TrialState.RUNNING.word().equals(trial.getState());
            events.add(event(tx, trial, enter(trial, to, now), now, detail));
            // a trial that was running has an MLflow run to end; a queued one never had one
            if (wasRunning && mirrored) {
                appendEnded(tx, trial, now);
            }
        }
        saveAll(tx, trials, events);
        return trials.size();
    }

    /**
     * Running trials of the sweep whose lease ended before {@code now}: their worker stopped
     * heartbeating (crashed, killed, cut off). Each goes back to the queue to be run again
     * (continuing from what it recorded, if its runner can), or fails once it has been started
     * {@code maxAttempts} times. Rows another
     * transaction holds are left for the next call.
     */
    Reclaimed reclaimExpired(long sweepId, Instant now, int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1, got " + maxAttempts);
        }
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        return db.dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            sweeps.require(tx, sweepId);
            Result<TrialRecord> expired = tx.selectFrom(TRIAL)
                    .where(TRIAL.SWEEP_ID.eq(sweepId)
                            .and(TRIAL.STATE.eq(TrialState.RUNNING.word()))
                            .and(TRIAL.LEASE_UNTIL.lt(at)))
                    .orderBy(TRIAL.NUMBER)
                    .forUpdate()
                    .skipLocked()
                    .fetch();
            List<Long> requeued = new ArrayList<>();
            List<Long> failed = new ArrayList<>();
            List<EventRecord> events = new ArrayList<>(expired.size());
            boolean mirrored = !expired.isEmpty() && Outbox.mirrors(tx, sweepId);
            for (TrialRecord trial : expired) {
                String worker = trial.getWorker();
                if (trial.getAttempt() >= maxAttempts) {
                    int expiries = earlierExpiries(tx, trial.getId()) + 1;
                    String why = "lease expired " + expiries + (expiries == 1 ? " time" : " times") + "; last worker "
                            + worker + " (attempt " + trial.getAttempt() + " of " + maxAttempts + ")";
                    String from = enter(trial, TrialState.FAILED, at);
                    trial.setError(why);
                    events.add(leaseExpired(event(tx, trial, from, at, ": " + why)));
                    failed.add(trial.getId());
                    if (mirrored) {
                        appendEnded(tx, trial, at);
                    }
                } else {
                    String why = "lease of worker " + worker + " expired at " + trial.getLeaseUntil()
                            + " on attempt " + trial.getAttempt() + " of " + maxAttempts;
                    events.add(leaseExpired(event(tx, trial, enter(trial, TrialState.QUEUED, at), at, " (" + why + ")")));
                    requeued.add(trial.getId());
                }
            }
            saveAll(tx, expired, events);
            return new Reclaimed(requeued, failed);
        });
    }

    /**
     * {@code process} is known to be dead (its pid is gone from its machine): the leases of its
     * running trials end now, for {@link #reclaimExpired} to apply the policy at once instead of
     * after the lease, and its row in {@code sweep_process} goes. Returns how many leases ended.
     */
    int endLeases(long sweepId, String process) {
        requireWorker(process);
        return db.dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            SweepProcesses.left(tx, sweepId, process);
            return tx.update(TRIAL).set(TRIAL.LEASE_UNTIL, StoreTime.now())
                    .where(TRIAL.SWEEP_ID.eq(sweepId)
                            .and(TRIAL.STATE.eq(TrialState.RUNNING.word()))
                            .and(TRIAL.WORKER.startsWith(process)))
                    .execute();
        });
    }

    /** The MLflow write that ends the trial's run: its final state, error and best value. */
    private static void appendEnded(DSLContext tx, TrialRecord trial, Instant at) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("state", trial.getState());
        payload.put("number", trial.getNumber());
        Optional.ofNullable(trial.getError()).ifPresent(error -> payload.put("error", error));
        Optional.ofNullable(trial.getBestValue()).ifPresent(best -> payload.put("best_value", best));
        Optional.ofNullable(trial.getBestEpoch()).ifPresent(epoch -> payload.put("best_epoch", epoch));
        Outbox.append(tx, trial.getSweepId(), trial.getId(), OutboxKind.TRIAL_ENDED, at, payload);
    }

    /**
     * How often the trial's lease expired before: its history says, so interrupted attempts (a
     * stopped process handing its trial back) are not counted as expiries.
     */
    private static int earlierExpiries(DSLContext tx, long trialId) {
        return tx.fetchCount(EVENT, EVENT.TRIAL_ID.eq(trialId).and(EVENT.KIND.eq(EventKind.LEASE_EXPIRED.word())));
    }

    private static EventRecord leaseExpired(EventRecord event) {
        event.setKind(EventKind.LEASE_EXPIRED.word());
        return event;
    }

    /**
     * A process whose workers are named {@code process}… stops working on the sweep (Ctrl-C, or
     * a crash of its pool). Its running trials are recorded as cancelled. If another process was
     * seen working on the sweep within {@code lease} (running a trial, between trials or waiting:
     * {@link SweepProcesses}), this one's cancelled trials go back to the queue for the others and
     * the sweep keeps running; if it was the last, they stay cancelled and so does the sweep, for
     * {@code sweeper resume}. One transaction holding the sweep's lock, so of two processes
     * stopping at once the second sees the first gone and cancels the sweep.
     */
    ProcessStop stopWorking(long sweepId, String process, Duration lease) {
        requireWorker(process);
        return db.dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            SweepRecord sweep = sweeps.lock(tx, sweepId);
            SweepProcesses.left(tx, sweepId, process);
            Condition mine = TRIAL.SWEEP_ID.eq(sweepId).and(TRIAL.WORKER.startsWith(process));
            move(tx, sweepId, mine.and(TRIAL.STATE.eq(TrialState.RUNNING.word())), TrialState.CANCELLED, " (interrupted)");
            if (SweepProcesses.othersAlive(tx, sweepId, process, StoreTime.now(), lease) > 0) {
                int handedBack = move(tx, sweepId, mine.and(TRIAL.STATE.eq(TrialState.CANCELLED.word())), TrialState.QUEUED,
                        " (handed back: " + process + "* stopped while other processes work on the sweep)");
                return new ProcessStop(handedBack, false);
            }
            SweepCatalog.setState(tx, sweep, SweepState.CANCELLED);
            return new ProcessStop(0, true);
        });
    }

    /**
     * Writes changed trials and their events. Trials going back to the queue keep what they
     * recorded (metrics, checkpoint rows, best value, last epoch): their next attempt continues
     * from a saved state where its runner has one, and {@link Store#rewind} drops whatever that
     * attempt does not continue from before it records its first epoch.
     */
    private static void saveAll(DSLContext tx, Result<TrialRecord> trials, List<EventRecord> events) {
        if (trials.isEmpty()) {
            return;
        }
        tx.batchUpdate(trials).execute();
        EventLog.append(tx, events);
    }

    /**
     * The trial row, locked, if {@code lease} still holds it: running, same worker, same attempt.
     * Every write a worker makes goes through here, so a worker whose trial was taken over
     * (lease expired and reclaimed, or cancelled) cannot change it any more.
     */
    static TrialRecord lockLeased(DSLContext tx, TrialLease lease) {
        TrialRecord trial = tx.selectFrom(TRIAL).where(TRIAL.ID.eq(lease.trialId())).forUpdate().fetchOne();
        if (trial == null) {
            throw new IllegalArgumentException("no trial " + lease.trialId());
        }
        TrialState state = TrialState.fromWord(trial.getState());
        boolean held = state == TrialState.RUNNING
                && lease.worker().equals(trial.getWorker())
                && lease.attempt() == trial.getAttempt();
        if (!held) {
            String now = state == TrialState.RUNNING
                    ? "running under worker " + trial.getWorker() + " (attempt " + trial.getAttempt() + ")"
                    : state.word();
            throw new TrialConflictException("trial " + trial.getId() + " is " + now + ": the lease of worker "
                    + lease.worker() + " (attempt " + lease.attempt() + ") no longer holds");
        }
        return trial;
    }

    /**
     * Moves the record to {@code to} (not yet saved), setting what that state means; returns the
     * state it left, for the event. Refuses what the state machine forbids.
     */
    private static String enter(TrialRecord trial, TrialState to, Instant now) {
        TrialState from = TrialState.fromWord(trial.getState());
        if (!from.canBecome(to)) {
            throw new TrialConflictException("trial " + trial.getId() + " is " + from.word()
                    + " and cannot become " + to.word());
        }
        trial.setState(to.word());
        switch (to) {
            case QUEUED -> {
                trial.setWorker(null);
                trial.setLeaseUntil(null);
                trial.setStartedAt(null);
                trial.setEndedAt(null);
                trial.setError(null);
            }
            case RUNNING -> trial.setEndedAt(null);
            case FINISHED, FAILED, PRUNED, CANCELLED -> {
                trial.setLeaseUntil(null);
                trial.setEndedAt(now);
            }
        }
        return from.word();
    }

    private static EventRecord event(DSLContext tx, TrialRecord trial, String from, Instant at, String detail) {
        return EventLog.trialEvent(tx, trial.getSweepId(), trial.getId(), at, "trial #" + trial.getNumber() + ": "
                + from + " -> " + trial.getState() + detail);
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse("");
    }

    /** A worker's name, or a process's prefix of its workers' names: 1 to 200 characters (the column's width). */
    static void requireWorker(String worker) {
        Objects.requireNonNull(worker, "worker");
        if (worker.isBlank() || worker.length() > 200) {
            throw new IllegalArgumentException("worker name must be 1 to 200 characters, got '" + worker + "'");
        }
    }

    private static void requirePositive(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("a lease must last longer than zero, got " + duration);
        }
    }
}
