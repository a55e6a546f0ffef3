package io.sweeper.exec;

import io.sweeper.SweeperException;
import io.sweeper.search.SearchMethods;
import io.sweeper.store.ClaimedTrial;
import io.sweeper.store.Store;
import io.sweeper.store.SweepRow;
import io.sweeper.store.TrialConflictException;
import io.sweeper.store.TrialLease;
import io.sweeper.store.TrialOutcome;
import io.sweeper.store.TrialRow;
import io.sweeper.sweep.FailureClass;
import io.sweeper.sweep.RetryPolicy;
import io.sweeper.sweep.SweepFiles;
import io.sweeper.sweep.SweepSpec;
import io.sweeper.sweep.TrialState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Trials run by the user's own code, one short-lived command at a time (`sweeper ask`, `report`,
 * `tell`): the same planner, lease policy and early termination as the pool ({@link SweepRunner}),
 * with the lease carried between processes as a token. A trial's lease is its worker name and
 * attempt ({@link TrialLease}); {@code ask} makes up a worker name no other caller has and prints
 * both as the token, and every later command presents it: the store accepts a write only while
 * that worker and attempt still hold the trial, so a caller whose lease expired and whose trial
 * was taken over (attempt + 1) cannot write to it any more, nor end it.
 */
public final class AskTell {
    /** What {@link #ask} found. */
    public sealed interface Asked {
    }

    /** A trial claimed for the caller: run {@code params}, report under {@code lease}. */
    public record Claimed(ClaimedTrial trial, Map<String, Object> params, Path trialDir) implements Asked {
    }

    /** Nothing queued and nothing more to suggest, but trials still run elsewhere and may come back: ask again later. */
    public record Busy(int running) implements Asked {
    }

    /** The sweep has ended (this ask finished it, or it had already ended): nothing more will run. */
    public record Done(String state) implements Asked {
    }

    /** What {@link #report} decided: go on, or stop because early termination pruned the trial (and why). */
    public record Reported(Optional<String> stop) {
    }

    /** How many times {@link #ask} tries again when another worker claimed the queued trial first. */
    private static final int CLAIM_TRIES = 20;
    /** Starts per trial when the sweep file does not say (as `run`). */
    private static final int DEFAULT_MAX_ATTEMPTS = 3;

    private final Store store;
    private final SweepRow sweep;
    private final SweepSpec spec;
    private final Duration lease;
    private final RetryPolicy retry;

    /**
     * The service for {@code sweep}, with the attempt policy of the sweep file stored with it.
     *
     * @param lease how long a lease lasts after each ask or report
     */
    public AskTell(Store store, SweepRow sweep, Duration lease) {
        this.store = store;
        this.sweep = sweep;
        this.spec = SweepFiles.parse(sweep.specYaml(), "sweep " + sweep.id()).spec();
        this.lease = lease;
        this.retry = spec.retryPolicy(Optional.empty(), DEFAULT_MAX_ATTEMPTS);
    }

    public SweepSpec spec() {
        return spec;
    }

    /**
     * Claims the next trial for {@code worker}, creating it through the search as the pool does.
     * Expired leases (of pools and of ask/tell callers alike) are reclaimed first, by the same
     * policy: requeued with attempt + 1, or failed after the sweep's attempts.
     */
    public Asked ask(String worker, Path runsDir) {
        store.reclaimExpired(sweep.id(), Instant.now(), retry.attemptsFor(FailureClass.LEASE_EXPIRED));
        TrialPlanner planner = new TrialPlanner(store, sweep.id(), spec, SearchMethods.forSpec(spec, sweep.id()));
        for (int i = 0; i < CLAIM_TRIES; i++) {
            TrialPlanner.Next next = planner.step(1);
            if (next == TrialPlanner.Next.DONE) {
                return new Done(store.findSweep(Long.toString(sweep.id())).state().word());
            }
            Optional<ClaimedTrial> claimed = store.claimNextTrial(sweep.id(), worker, lease);
            if (claimed.isPresent()) {
                ClaimedTrial trial = claimed.get();
                return new Claimed(trial, ParamsJson.fromJson(trial.paramsJson()), trialDir(runsDir, trial));
            }
            if (next == TrialPlanner.Next.WAIT) {
                break;
            }
        }
        return new Busy(store.trialCounts(sweep.id()).get(TrialState.RUNNING));
    }

    /**
     * The trial's folder: the one the pool gives it ({@link TrialFolder}, named after the store and
     * refused when another trial owns it), so a sweep may mix both kinds of worker.
     */
    private Path trialDir(Path runsDir, ClaimedTrial trial) {
        return TrialFolder.claim(runsDir, store.identity(), sweep.id(), trial.number(),
                trial.lastEpoch() > 0 ? store.checkpoints(trial.trialId()) : List.of());
    }

    /**
     * Records one epoch under the caller's lease (renewing it), then asks early termination: when
     * it says stop, the trial ends pruned here and the answer says why. An epoch at or before one
     * recorded earlier replaces what was recorded from there on, as a resumed command's would.
     *
     * @throws SweeperException when the caller does not hold the trial; nothing is recorded then
     */
    public Reported report(int number, String token, int epoch, Map<String, Double> metrics) {
        if (epoch < 1) {
            throw new SweeperException("--epoch must be at least 1, got " + epoch);
        }
        TrialRow trial = trial(number);
        TrialLease held = renew(trial, token);
        try {
            if (trial.lastEpoch().isPresent() && trial.lastEpoch().getAsInt() >= epoch) {
                store.rewind(held, epoch - 1);
            }
            store.recordEpoch(held, epoch, metrics);
            EarlyTermination earlyTermination = new EarlyTermination(store, sweep.id(), spec);
            earlyTermination.reload();
            Optional<String> stop = earlyTermination.afterEpoch(number, epoch, metrics);
            if (stop.isPresent()) {
                store.finishTrial(held, TrialOutcome.pruned(stop.get()));
            }
            return new Reported(stop);
        } catch (TrialConflictException e) {
            throw lost(number, e);
        }
    }

    /**
     * Ends the trial the caller holds. {@code finalMetrics}, if any, are recorded with its last
     * epoch (epoch 1 when it reported none) before it ends. A failed trial is a crash to the
     * sweep's retry policy: with {@code retry: {on: [crash]}} it is queued again while it has
     * attempts left.
     *
     * @throws SweeperException when the caller does not hold the trial; nothing is recorded then
     */
    public void tell(int number, String token, TrialOutcome outcome, Map<String, Double> finalMetrics) {
        TrialRow trial = trial(number);
        TrialLease held = renew(trial, token);
        try {
            if (!finalMetrics.isEmpty()) {
                store.recordEpoch(held, Math.max(1, trial.lastEpoch().orElse(1)), finalMetrics);
            }
            if (outcome.state() == TrialState.FAILED && retry.retries(FailureClass.CRASH, held.attempt())) {
                store.retryTrial(held, FailureClass.CRASH, outcome.error().orElseThrow(), retry.attemptsFor(FailureClass.CRASH));
            } else {
                store.finishTrial(held, outcome);
            }
        } catch (TrialConflictException e) {
            throw lost(number, e);
        }
    }

    /** The lease {@code token} names, renewed; or one line saying why the caller does not hold the trial. */
    private TrialLease renew(TrialRow trial, String token) {
        TrialLease presented = parse(trial, token);
        return store.heartbeat(presented, lease).orElseThrow(() -> {
            TrialRow now = store.trial(trial.id());
            String why = switch (now.state()) {
                case RUNNING -> "is held by worker " + now.worker().orElse("?") + " (attempt " + now.attempt()
                        + "), not by this lease (" + presented.worker() + ", attempt " + presented.attempt() + ")";
                case QUEUED -> "went back to the queue: the lease of attempt " + now.attempt() + " expired";
                default -> "has already ended (" + now.state().word() + now.error().map(e -> ": " + e).orElse("") + ")";
            };
            return new SweeperException("trial " + trial.number() + " of sweep " + sweep.id() + " " + why + "; nothing recorded");
        });
    }

    private TrialRow trial(int number) {
        return store.trial(sweep.id(), number).orElseThrow(() -> new SweeperException(
                "sweep " + sweep.id() + " has no trial " + number + "; `sweeper show " + sweep.id() + "` lists its trials"));
    }

    private SweeperException lost(int number, TrialConflictException e) {
        return new SweeperException("trial " + number + " of sweep " + sweep.id() + ": " + e.getMessage(), e);
    }

    /** The token {@code ask} prints for a lease: {@code ATTEMPT:WORKER}. */
    public static String token(TrialLease lease) {
        return lease.attempt() + ":" + lease.worker();
    }

    private TrialLease parse(TrialRow trial, String token) {
        int colon = token.indexOf(':');
        try {
            if (colon > 0 && colon < token.length() - 1) {
                return new TrialLease(trial.id(), token.substring(colon + 1), Integer.parseInt(token.substring(0, colon)),
                        Instant.now());
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new SweeperException("'" + token + "' is not a lease token; pass the one `sweeper ask` printed"
                + " (--lease-token or SWEEPER_LEASE)");
    }
}
