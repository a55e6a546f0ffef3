package io.sweeper.exec;

import io.sweeper.NoSpaceLeft;
import io.sweeper.SweeperException;
import io.sweeper.search.SearchMethod;
import io.sweeper.store.ClaimedTrial;
import io.sweeper.store.ProcessSeen;
import io.sweeper.store.Reclaimed;
import io.sweeper.store.Store;
import io.sweeper.store.SweepState;
import io.sweeper.store.TrialConflictException;
import io.sweeper.store.TrialLease;
import io.sweeper.store.TrialOutcome;
import io.sweeper.sweep.FailureClass;
import io.sweeper.sweep.RetryPolicy;
import io.sweeper.sweep.SweepSpec;
import io.sweeper.sweep.TrialState;
import io.sweeper.tracking.TrialPlots;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a sweep's trials in this process: {@code workers} threads, each claiming the next queued
 * trial from the store (one transaction), running it, and recording every epoch under its lease,
 * which a heartbeat renews. Other processes, on this machine or others, may run the same sweep
 * through a shared database at the same time (`sweeper run` and `sweeper agent`): new
 * configurations are suggested under the sweep's lock ({@link TrialPlanner}); every half lease
 * this process says it still works on the sweep and reclaims the expired leases of dead ones; the
 * sweep is marked finished only by the process that finds nothing queued, nothing running and
 * nothing more to suggest. After each recorded epoch the sweep's {@code early_terminate} may stop
 * the trial, which then ends pruned.
 */
public final class SweepRunner {
    private static final Logger LOG = LoggerFactory.getLogger(SweepRunner.class);

    /** How the pool runs: its size and thread share, where trials write, lease timing, and which failures run again. */
    public record Settings(ThreadBudget budget, Path runsDir, Duration lease, RetryPolicy retry) {
        /** Expired leases retried up to {@code maxAttempts} starts, other failures final (no {@code retry:}). */
        public Settings(ThreadBudget budget, Path runsDir, Duration lease, int maxAttempts) {
            this(budget, runsDir, lease, RetryPolicy.leaseExpiryOnly(maxAttempts));
        }
    }

    /** How {@link #run()} ended. */
    public enum Outcome {
        /** The sweep has run every trial it will run, and is finished. */
        FINISHED,
        /** Stopped ({@link #requestStop()}) as the last process running the sweep: trials and sweep cancelled, `resume` continues. */
        STOPPED,
        /** Stopped while other processes work on the sweep: this one's trials went back to the queue for them. */
        HANDED_BACK,
        /** Another process cancelled the sweep; this one's trials ran to their end. */
        CANCELLED_ELSEWHERE
    }

    private final Store store;
    private final long sweepId;
    private final TrialRunner runner;
    private final Settings settings;
    private final SweepProgress progress;
    private final TrialPlanner planner;
    /** This process; its name, {@code host:pid:}, prefixes its workers' names, and the store tells its trials by it. */
    private final LocalProcess self = LocalProcess.current();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sweeper-heartbeat");
        t.setDaemon(true);
        return t;
    });
    private final EarlyTermination earlyTermination;
    private final Optional<Duration> trialTimeout;
    /** Whether other processes worked on the sweep at the last renewal; only the heartbeat thread touches it. */
    private boolean othersAtLastRenewal;
    /** The store's id, which names this process's trial folders; read before the workers start. */
    private UUID storeId;

    public SweepRunner(Store store, long sweepId, SweepSpec spec, SearchMethod search, TrialRunner runner,
            Settings settings, SweepProgress progress) {
        this.store = store;
        this.sweepId = sweepId;
        this.runner = runner;
        this.settings = settings;
        this.progress = progress;
        this.planner = new TrialPlanner(store, sweepId, spec, search);
        this.earlyTermination = new EarlyTermination(store, sweepId, spec);
        this.trialTimeout = spec.trialTimeout();
    }

    /** Asks running trials to stop after their current epoch and workers not to claim more. */
    public void requestStop() {
        stop.set(true);
    }

    /**
     * Runs until the sweep has ended (nothing queued, nothing running in any process, nothing more
     * to suggest), or until stopped.
     */
    public Outcome run() throws InterruptedException {
        store.workingOn(sweepId, self.name(), self.pidScope());
        storeId = store.identity();
        // Trials of an earlier, killed run: their leases ended (or expired), so they are queued
        // again (or failed after maxAttempts); cancelled ones (Ctrl-C) are queued again.
        endLeasesOfDeadLocalProcesses();
        reclaimExpired();
        store.requeueCancelled(sweepId);
        long period = Math.max(1, settings.lease().toMillis() / 2);
        heartbeats.scheduleWithFixedDelay(this::keepWorking, period, period, TimeUnit.MILLISECONDS);
        List<Thread> workers = new ArrayList<>();
        AtomicReference<Throwable> crash = new AtomicReference<>();
        for (int w = 0; w < settings.budget().workers(); w++) {
            String name = self.name() + w;
            Thread t = new Thread(() -> {
                try {
                    workLoop(name);
                } catch (Throwable e) {
                    crash.compareAndSet(null, e);
                    stop.set(true);
                }
            }, "sweeper-" + name);
            workers.add(t);
            t.start();
        }
        for (Thread t : workers) {
            t.join();
        }
        // periodic renewals end; one in flight finishes (not interrupted mid-write), so it cannot
        // put this process back after it has stopped or left
        heartbeats.shutdown();
        heartbeats.awaitTermination(30, TimeUnit.SECONDS);
        if (crash.get() != null) {
            RuntimeException failure = crashed(crash.get());
            try {
                store.stopWorking(sweepId, self.name(), settings.lease());
            } catch (RuntimeException e) {
                // the store itself may be what failed (its disk is full): this process's trials then
                // stay running until `resume` finds the process gone and puts them back in the queue
                failure.addSuppressed(e);
            }
            throw failure;
        }
        if (stop.get()) {
            return store.stopWorking(sweepId, self.name(), settings.lease()).sweepCancelled()
                    ? Outcome.STOPPED : Outcome.HANDED_BACK;
        }
        store.leave(sweepId, self.name());
        return store.findSweep(Long.toString(sweepId)).state() == SweepState.FINISHED
                ? Outcome.FINISHED : Outcome.CANCELLED_ELSEWHERE;
    }

    /**
     * What a worker's crash becomes once the process has stopped working. Running out of memory
     * (the Java heap, or JavaCPP's off-heap limits) or disk space is something the user can act
     * on, and the sweep is intact: it says so, and how to continue.
     */
    private RuntimeException crashed(Throwable crash) {
        for (Throwable t = crash; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError oom) {
                return new SweeperException("a trial ran out of memory (" + oom.getMessage() + "). The sweep's trials"
                        + " are recorded; `sweeper resume " + sweepId + "` (with the same --db) continues it. Give Java"
                        + " more memory (SWEEPER_JAVA_OPTS, default -Xmx4g -Dorg.bytedeco.javacpp.maxbytes=12G"
                        + " -Dorg.bytedeco.javacpp.maxphysicalbytes=16G) or run fewer --workers", crash);
            }
        }
        if (crash instanceof DiskFull e) {
            return e;
        }
        if (NoSpaceLeft.in(crash).isPresent()) {
            return noSpaceLeft(crash, settings.runsDir());
        }
        return crash instanceof RuntimeException e ? e : new IllegalStateException(crash);
    }

    /** The one line a full disk ends the process with (see {@link #noSpaceLeft}). */
    private static final class DiskFull extends SweeperException {
        DiskFull(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * A full disk stops the whole process, as Ctrl-C does, rather than failing trial after trial:
     * the trials that were running are recorded as cancelled (or handed to the other processes),
     * so `resume` runs them again once there is space. Says which disk: the store's (when the
     * database threw it) or the one of the trial's folder.
     */
    private DiskFull noSpaceLeft(Throwable failure, Path trialDir) {
        String where = NoSpaceLeft.inDatabase(failure) ? "the store " + store.location()
                : NoSpaceLeft.file(failure).orElse(trialDir.toString());
        return new DiskFull("no space left on device for " + where + ": sweep " + sweepId + " stopped, its"
                + " running trials will run again; free space there, then `sweeper resume " + sweepId
                + "` continues it", failure);
    }

    /**
     * Processes of this machine that worked on the sweep and are gone (kill -9, a crashed JVM):
     * their trials' leases end now rather than after {@code --lease}, so `resume` right after a
     * kill continues at once. Only processes that see the same pids can be judged
     * ({@link LocalProcess#knowsIsDead}); the others' trials wait for their leases.
     */
    private void endLeasesOfDeadLocalProcesses() {
        for (ProcessSeen other : store.processes(sweepId)) {
            if (self.knowsIsDead(other)) {
                int ended = store.endLeasesOf(sweepId, other.process());
                LOG.info("process {} is gone: the leases of its {} running trial(s) end now", other.process(), ended);
            }
        }
    }

    /**
     * Every half lease: this process tells the store it still works on the sweep (so another
     * process that stops knows it is not the last), applies the lease policy, and reads the other
     * processes' epochs for early termination.
     */
    private void keepWorking() {
        try {
            store.workingOn(sweepId, self.name(), self.pidScope());
            // Alone on the sweep, this process has every curve already: reading them all back would
            // be a wasted query. One more read after the others have gone picks up their last epochs.
            boolean othersNow = store.othersWorkingOn(sweepId, self.name(), settings.lease()) > 0;
            if (othersNow || othersAtLastRenewal) {
                earlyTermination.refresh();
            }
            othersAtLastRenewal = othersNow;
        } catch (RuntimeException e) {
            LOG.warn("keeping in touch with sweep {} failed: {}", sweepId, e.getMessage());
        }
        reclaimExpired();
    }

    /**
     * The lease policy, applied by every live process so that a dead one's trial is picked up by
     * the others: one indexed query when no lease has expired.
     */
    private void reclaimExpired() {
        try {
            int attempts = settings.retry().attemptsFor(FailureClass.LEASE_EXPIRED);
            Reclaimed reclaimed = store.reclaimExpired(sweepId, Instant.now(), attempts);
            if (!reclaimed.isEmpty()) {
                LOG.info("expired leases: {} trial(s) queued again, {} failed after {} attempts",
                        reclaimed.requeued().size(), reclaimed.failed().size(), attempts);
            }
        } catch (RuntimeException e) {
            LOG.warn("reclaiming expired leases of sweep {} failed: {}", sweepId, e.getMessage());
        }
    }

    private void workLoop(String worker) throws InterruptedException {
        long idle = Math.max(10, Math.min(500, settings.lease().toMillis() / 4));
        while (!stop.get()) {
            TrialPlanner.Next next;
            synchronized (planner) {
                next = planner.step(settings.budget().workers());
            }
            if (next == TrialPlanner.Next.DONE) {
                return;
            }
            Optional<ClaimedTrial> claimed = store.claimNextTrial(sweepId, worker, settings.lease());
            if (claimed.isPresent()) {
                runTrial(claimed.get());
            } else {
                // WAIT: trials run elsewhere and may come back; CLAIM: another worker was quicker
                Thread.sleep(next == TrialPlanner.Next.WAIT ? idle : 50);
            }
        }
    }

    private void runTrial(ClaimedTrial claimed) {
        // a folder that is another trial's stops the process (run()) before anything is written
        Path dir = TrialFolder.claim(settings.runsDir(), storeId, sweepId, claimed.number(),
                claimed.lastEpoch() > 0 ? store.checkpoints(claimed.trialId()) : List.of());
        Map<String, Object> params = ParamsJson.fromJson(claimed.paramsJson());
        AtomicReference<TrialLease> lease = new AtomicReference<>(claimed.lease());
        AtomicBoolean leaseLost = new AtomicBoolean();
        AtomicReference<String> pruned = new AtomicReference<>();
        Optional<Instant> deadline = trialTimeout.map(Instant.now()::plus);
        AtomicBoolean timedOut = new AtomicBoolean();
        long period = Math.max(1, settings.lease().toMillis() / 3);
        var beat = heartbeats.scheduleAtFixedRate(() -> {
            try {
                store.heartbeat(lease.get(), settings.lease()).ifPresentOrElse(lease::set, () -> leaseLost.set(true));
            } catch (RuntimeException e) {
                LOG.warn("heartbeat of trial {} failed: {}", claimed.number(), e.getMessage());
            }
        }, period, period, TimeUnit.MILLISECONDS);
        earlyTermination.reload();
        progress.trialStarted(claimed.number(), params);
        int lastRecordedEpoch = claimed.lastEpoch();
        AtomicBoolean firstReport = new AtomicBoolean(true);
        AtomicReference<Path> confusion = new AtomicReference<>();
        TrialContext context = new TrialContext() {
            @Override
            public Path outDir() {
                return dir;
            }

            @Override
            public int threads() {
                return settings.budget().threadsPerTrial();
            }

            @Override
            public int lastRecordedEpoch() {
                return lastRecordedEpoch;
            }

            @Override
            public boolean reportEpoch(int epoch, Map<String, Double> metrics) {
                try {
                    if (firstReport.getAndSet(false) && epoch <= lastRecordedEpoch) {
                        store.rewind(lease.get(), epoch - 1);
                    }
                    store.recordEpoch(lease.get(), epoch, metrics);
                } catch (TrialConflictException e) {
                    leaseLost.set(true);
                }
                progress.epoch(claimed.number(), epoch, metrics);
                if (deadline.isPresent() && !Instant.now().isBefore(deadline.get())) {
                    timedOut.set(true); // the built-in trainer stops at this epoch's end
                }
                if (stop.get() || leaseLost.get() || pruned.get() != null || timedOut.get()) {
                    return false;
                }
                Optional<String> why = earlyTermination.afterEpoch(claimed.number(), epoch, metrics);
                why.ifPresent(pruned::set);
                return why.isEmpty();
            }

            @Override
            public void reportCheckpoint(int epoch, Path checkpoint) {
                try {
                    CheckpointDigest digest = CheckpointDigest.of(checkpoint);
                    store.recordCheckpoint(lease.get(), epoch, checkpoint.toAbsolutePath(), digest.sha256(), digest.bytes());
                } catch (TrialConflictException e) {
                    leaseLost.set(true);
                }
            }

            @Override
            public void reportConfusionMatrix(Path csv) {
                confusion.set(csv);
            }

            @Override
            public Optional<Instant> deadline() {
                return deadline;
            }
        };
        TrialOutcome outcome;
        String detail = "";
        try {
            TrialRunner.End end = runner.run(params, context);
            outcome = end == TrialRunner.End.FINISHED ? TrialOutcome.finished() : TrialOutcome.cancelled();
        } catch (Exception e) {
            if (NoSpaceLeft.in(e).isPresent()) {
                // not this trial's failure: the trial stays running, and the process stops (run())
                throw noSpaceLeft(e, dir);
            }
            timedOut.compareAndSet(false, e instanceof TrialTimedOut);
            detail = e instanceof SweeperException ? e.getMessage() : e.toString();
            outcome = stop.get() ? TrialOutcome.cancelled() : TrialOutcome.failed(detail);
        } finally {
            beat.cancel(false);
        }
        if (pruned.get() != null) {
            // told to stop by early termination: whatever the runner made of that, the trial was pruned
            outcome = TrialOutcome.pruned(pruned.get());
            detail = pruned.get();
        } else if (timedOut.get() && !stop.get()) {
            detail = "timeout: ran longer than trial_timeout (" + seconds(trialTimeout.orElseThrow()) + " s)";
            outcome = TrialOutcome.failed(detail);
        }
        if (leaseLost.get()) {
            LOG.warn("trial {} lost its lease (another worker took it over); its result was not recorded", claimed.number());
            progress.trialEnded(claimed.number(), "lost", "lease taken over");
            return;
        }
        FailureClass failure = timedOut.get() ? FailureClass.TIMEOUT : FailureClass.CRASH;
        boolean retried = outcome.state() == TrialState.FAILED && settings.retry().retries(failure, claimed.lease().attempt());
        // a cancelled or retried trial is plotted when it ends for good
        if (outcome.state() != TrialState.CANCELLED && !retried) {
            TrialPlots.attach(store, sweepId, claimed.trialId(), "trial " + claimed.number(), dir,
                    Optional.ofNullable(confusion.get()));
        }
        try {
            if (retried) {
                store.retryTrial(lease.get(), failure, detail, settings.retry().attemptsFor(failure));
            } else {
                store.finishTrial(lease.get(), outcome);
            }
        } catch (TrialConflictException e) {
            LOG.warn("trial {} lost its lease before it could finish", claimed.number());
        }
        earlyTermination.ended(claimed.number(), retried ? TrialState.QUEUED : outcome.state());
        progress.trialEnded(claimed.number(), retried ? "queued again (" + failure.yamlName() + ")" : outcome.state().word(), detail);
    }

    private static String seconds(Duration duration) {
        double s = duration.toMillis() / 1000.0;
        return s == Math.rint(s) ? Long.toString((long) s) : Double.toString(s);
    }
}
