package io.sweeper.exec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sweeper.SweeperException;
import io.sweeper.search.SearchMethod;
import io.sweeper.search.TrialRecord;
import io.sweeper.store.ClaimedTrial;
import io.sweeper.store.Store;
import io.sweeper.store.SweepState;
import io.sweeper.store.TrialConflictException;
import io.sweeper.store.TrialLease;
import io.sweeper.store.TrialOutcome;
import io.sweeper.store.TrialRow;
import io.sweeper.sweep.TrialState;
import io.sweeper.sweep.SweepSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a sweep in this process: {@code workers} threads, each claiming the next queued trial from
 * the store (one transaction), running it, and recording every epoch under its lease, which a
 * heartbeat renews. New configurations are suggested by the search method from the recorded
 * history, one caller at a time, keeping the queue one trial ahead of each worker. After each
 * recorded epoch the sweep's {@code early_terminate} may stop the trial, which then ends pruned.
 */
public final class SweepRunner {
    private static final Logger LOG = LoggerFactory.getLogger(SweepRunner.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How the pool runs: its size and thread share, where trials write, and lease timing. */
    public record Settings(ThreadBudget budget, Path runsDir, Duration lease, int maxAttempts) {
    }

    /** How {@link #run()} ended. */
    public enum Outcome { FINISHED, STOPPED }

    private final Store store;
    private final long sweepId;
    private final SweepSpec spec;
    private final SearchMethod search;
    private final TrialRunner runner;
    private final Settings settings;
    private final SweepProgress progress;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sweeper-heartbeat");
        t.setDaemon(true);
        return t;
    });
    private final Object suggestionLock = new Object();
    /** What the search sees; guarded by {@link #suggestionLock}. */
    private final List<TrialRecord> history = new ArrayList<>();
    /** Set by {@link #run()} before the workers start, after leftover trials were requeued. */
    private EarlyTermination earlyTermination;

    public SweepRunner(Store store, long sweepId, SweepSpec spec, SearchMethod search, TrialRunner runner,
            Settings settings, SweepProgress progress) {
        this.store = store;
        this.sweepId = sweepId;
        this.spec = spec;
        this.search = search;
        this.runner = runner;
        this.settings = settings;
        this.progress = progress;
    }

    /** Asks running trials to stop after their current epoch and workers not to claim more. */
    public void requestStop() {
        stop.set(true);
    }

    /** Runs until the search has nothing more to suggest and every trial ended, or until stopped. */
    public Outcome run() throws InterruptedException {
        // Trials of an earlier, killed run: their leases expired, so they are queued again (or
        // failed after maxAttempts); cancelled ones (Ctrl-C) are queued again.
        store.reclaimExpired(sweepId, java.time.Instant.now(), settings.maxAttempts());
        store.requeueCancelled(sweepId);
        earlyTermination = new EarlyTermination(store, sweepId, spec);
        List<Thread> workers = new ArrayList<>();
        AtomicReference<Throwable> crash = new AtomicReference<>();
        for (int w = 0; w < settings.budget().workers(); w++) {
            String name = workerName(w);
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
        heartbeats.shutdownNow();
        if (crash.get() != null) {
            store.markRunningCancelled(sweepId);
            if (crash.get() instanceof RuntimeException e) {
                throw e;
            }
            throw new IllegalStateException(crash.get());
        }
        if (stop.get()) {
            store.markRunningCancelled(sweepId);
            store.setSweepState(sweepId, SweepState.CANCELLED);
            return Outcome.STOPPED;
        }
        store.setSweepState(sweepId, SweepState.FINISHED);
        return Outcome.FINISHED;
    }

    private String workerName(int index) {
        return hostName() + ":" + ProcessHandle.current().pid() + ":" + index;
    }

    private void workLoop(String worker) throws InterruptedException {
        while (!stop.get()) {
            boolean more = queueAhead();
            Optional<ClaimedTrial> claimed = store.claimNextTrial(sweepId, worker, settings.lease());
            if (claimed.isPresent()) {
                runTrial(claimed.get());
            } else if (!more) {
                return; // nothing queued, nothing more to suggest: the others finish their own
            } else {
                Thread.sleep(50); // another worker took the last queued trial before this one
            }
        }
    }

    /**
     * Queues suggestions until one trial per worker waits; false once the search is exhausted.
     * The history is kept in memory and read again from the store only when the store holds
     * trials this process did not add (another process's), so a suggestion costs O(1) queries
     * rather than a read of every trial.
     */
    private boolean queueAhead() {
        synchronized (suggestionLock) {
            Map<TrialState, Integer> counts = store.trialCounts(sweepId);
            int queued = counts.getOrDefault(TrialState.QUEUED, 0);
            if (queued >= settings.budget().workers()) {
                return true;
            }
            if (counts.values().stream().mapToInt(Integer::intValue).sum() != history.size()) {
                history.clear();
                store.trials(sweepId).forEach(row -> history.add(record(row)));
                earlyTermination.reload(); // another process runs trials too: see their epochs
            }
            while (queued < settings.budget().workers()) {
                Optional<Map<String, Object>> next = search.suggest(spec, history);
                if (next.isEmpty()) {
                    return queued > 0;
                }
                int number = TrialRecord.nextNumber(history);
                store.addTrial(sweepId, number, toJson(next.get()));
                history.add(new TrialRecord(number, next.get(), TrialState.QUEUED, Optional.empty()));
                queued++;
            }
            return true;
        }
    }

    /** Brings a trial's state and best value in the in-memory history up to date after it ended. */
    private void remember(long trialId) {
        TrialRecord updated = record(store.trial(trialId));
        synchronized (suggestionLock) {
            history.replaceAll(r -> r.number() == updated.number() ? updated : r);
        }
    }

    private static TrialRecord record(TrialRow row) {
        return new TrialRecord(row.number(), fromJson(row.paramsJson()),
                row.state(),
                row.bestValue().isPresent() ? Optional.of(row.bestValue().getAsDouble()) : Optional.empty());
    }

    private void runTrial(ClaimedTrial claimed) {
        Map<String, Object> params = fromJson(claimed.paramsJson());
        AtomicReference<TrialLease> lease = new AtomicReference<>(claimed.lease());
        AtomicBoolean leaseLost = new AtomicBoolean();
        AtomicReference<String> pruned = new AtomicReference<>();
        long period = Math.max(1, settings.lease().toMillis() / 3);
        var beat = heartbeats.scheduleAtFixedRate(() -> {
            try {
                store.heartbeat(lease.get(), settings.lease()).ifPresentOrElse(lease::set, () -> leaseLost.set(true));
            } catch (RuntimeException e) {
                LOG.warn("heartbeat of trial {} failed: {}", claimed.number(), e.getMessage());
            }
        }, period, period, TimeUnit.MILLISECONDS);
        Path dir = settings.runsDir().resolve("sweep-" + sweepId).resolve("trial-" + claimed.number());
        earlyTermination.started(claimed.number());
        progress.trialStarted(claimed.number(), params);
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
            public boolean reportEpoch(int epoch, Map<String, Double> metrics) {
                try {
                    store.recordEpoch(lease.get(), epoch, metrics);
                } catch (TrialConflictException e) {
                    leaseLost.set(true);
                }
                progress.epoch(claimed.number(), epoch, metrics);
                if (stop.get() || leaseLost.get() || pruned.get() != null) {
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
                // The file stays in the trial's folder; tracking plots and uploads it from there.
                LOG.info("trial {}: confusion matrix in {}", claimed.number(), csv.toAbsolutePath());
            }
        };
        TrialOutcome outcome;
        String detail = "";
        try {
            TrialRunner.End end = runner.run(params, context);
            outcome = end == TrialRunner.End.FINISHED ? TrialOutcome.finished() : TrialOutcome.cancelled();
        } catch (Exception e) {
            detail = e instanceof SweeperException ? e.getMessage() : e.toString();
            outcome = stop.get() ? TrialOutcome.cancelled() : TrialOutcome.failed(detail);
        } finally {
            beat.cancel(false);
        }
        if (pruned.get() != null) {
            // told to stop by early termination: whatever the runner made of that, the trial was pruned
            outcome = TrialOutcome.pruned(pruned.get());
            detail = pruned.get();
        }
        if (leaseLost.get()) {
            LOG.warn("trial {} lost its lease (another worker took it over); its result was not recorded", claimed.number());
            progress.trialEnded(claimed.number(), "lost", "lease taken over");
            return;
        }
        try {
            store.finishTrial(lease.get(), outcome);
        } catch (TrialConflictException e) {
            LOG.warn("trial {} lost its lease before it could finish", claimed.number());
        }
        earlyTermination.ended(claimed.number(), outcome.state());
        remember(claimed.trialId());
        progress.trialEnded(claimed.number(), outcome.state().word(), detail);
    }

    private static String toJson(Map<String, Object> params) {
        try {
            return JSON.writeValueAsString(params);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> fromJson(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored parameters are not JSON: " + json, e);
        }
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }
}
