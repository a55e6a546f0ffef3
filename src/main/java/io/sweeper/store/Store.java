package io.sweeper.store;

import io.sweeper.sweep.FailureClass;
import io.sweeper.sweep.Goal;
import io.sweeper.sweep.TrialState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * The system of record, one API over H2 (an embedded file, the default) and PostgreSQL (for
 * several machines sharing a sweep). {@link #open} (for commands that write) creates and migrates
 * it; {@link #openReadOnly} (for commands that only read) writes nothing. Every method that
 * changes state is one transaction and appends an event in it.
 *
 * <p>Workers write to a trial only through the {@link TrialLease} they got from
 * {@link #claimNextTrial}: once a lease has expired and the trial was reclaimed, or the trial was
 * cancelled, the old lease's writes fail with {@link TrialConflictException} and change nothing.
 *
 * <p>Errors the user can fix (bad URL, unreachable server, wrong password, a database file held
 * by another process, an unknown sweep, bad SQL in {@link #query}) are
 * {@link io.sweeper.SweeperException}s with one line naming the database (password masked).
 * Thread-safe: workers in one process share one store.
 */
public final class Store implements AutoCloseable {
    /** The default database: {@code ~/.sweeper/sweeper.mv.db}. */
    public static final String DEFAULT_URL = "jdbc:h2:file:~/.sweeper/sweeper";
    /** How long a {@link #query} may run unless told otherwise. */
    public static final Duration QUERY_TIMEOUT = Duration.ofSeconds(30);

    static {
        // jOOQ prints a banner and tips from its first use unless told not to, before it loads.
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        // The PostgreSQL driver logs through java.util.logging; send that to SLF4J too.
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }

    private final Database db;
    private final SweepCatalog sweeps;
    private final TrialLifecycle trials;
    private final EpochRecorder epochs;
    private final Leaderboard leaderboard;
    private final ReadOnlyQuery readOnlyQuery;
    private final TrackingOutbox trackingOutbox;

    private Store(Database db) {
        this.db = db;
        this.sweeps = new SweepCatalog(db);
        this.trials = new TrialLifecycle(db, sweeps);
        this.epochs = new EpochRecorder(db);
        this.leaderboard = new Leaderboard(db, sweeps);
        this.readOnlyQuery = new ReadOnlyQuery(db);
        this.trackingOutbox = new TrackingOutbox(db);
    }

    /**
     * Opens (creating if needed) and migrates the database at {@code jdbcUrl}: {@code jdbc:h2:…}
     * or {@code jdbc:postgresql://…}. For an H2 file its folder is created; the file is then owned
     * by this process until {@link #close()} (a second process gets a clear "locked" message).
     */
    public static Store open(String jdbcUrl) {
        return new Store(Database.open(jdbcUrl));
    }

    /**
     * Opens the existing store at {@code jdbcUrl} for reading, writing nothing to it (see
     * {@link Database#openReadOnly}): for {@code ls}, {@code show}, {@code best} and {@code query},
     * which so work on a damaged file without touching it and on a full disk. A missing store or
     * one whose schema is not this sweeper's is a SweeperException; this store's writing methods
     * fail.
     */
    public static Store openReadOnly(String jdbcUrl) {
        return new Store(Database.openReadOnly(jdbcUrl));
    }

    /** The database's URL as it may be shown: passwords masked. */
    public String url() {
        return db.maskedUrl;
    }

    /** Where the database is, for messages about its disk: an H2 file's path, else {@link #url()}. */
    public String location() {
        return (db.kind == DatabaseKind.H2 ? JdbcUrls.h2File(db.url) : Optional.<Path>empty())
                .map(Path::toString).orElse(db.maskedUrl);
    }

    /**
     * This store's random id, made on first use and kept in the store: trial folders are named
     * after it so that stores sharing a runs folder never share a trial folder.
     */
    public UUID identity() {
        return StoreIdentity.of(db.dsl);
    }

    // ---- sweeps

    /** A new running sweep; returns its id. */
    public long createSweep(String name, String specYaml, String method, String metricName, Goal goal) {
        return sweeps.create(name, specYaml, method, metricName, goal, Optional.empty());
    }

    /**
     * A new running sweep mirrored into MLflow when {@code tracking} is present: from then on every
     * change to it is also appended to the MLflow outbox, in the same transaction.
     */
    public long createSweep(String name, String specYaml, String method, String metricName, Goal goal,
            Optional<TrackingTarget> tracking) {
        return sweeps.create(name, specYaml, method, metricName, goal, tracking);
    }

    /** Sets the sweep's state (and its end time: set when it ends, cleared when it runs again). */
    public void setSweepState(long sweepId, SweepState state) {
        sweeps.setState(sweepId, state);
    }

    /**
     * Runs {@code work} in one transaction holding the sweep row's lock ({@code SELECT … FOR
     * UPDATE}): callers in every process that share this database run one after another, each
     * seeing what the ones before committed. For deciding which trials to add and whether the
     * sweep has ended; keep {@code work} short, as claims and finishes of the sweep's trials wait
     * for it to commit.
     */
    public <T> T withSweepLocked(long sweepId, Function<LockedSweep, T> work) {
        return db.dsl.transactionResult(cfg -> work.apply(new LockedSweep(cfg.dsl(), sweeps.lock(cfg.dsl(), sweepId))));
    }

    /** Every sweep, newest first. */
    public List<SweepRow> listSweeps() {
        return sweeps.list();
    }

    /** The sweep with this id, or the newest one with this name; unknown → SweeperException. */
    public SweepRow findSweep(String idOrName) {
        return sweeps.find(idOrName);
    }

    // ---- trials: queue, claim, run, end

    /** Queues one configuration as trial {@code number}; returns the trial's id. */
    public long addTrial(long sweepId, int number, String paramsJson) {
        return trials.add(sweepId, List.of(new NewTrial(number, paramsJson))).get(0);
    }

    /**
     * Queues configurations in one transaction; returns their ids in order. A number the sweep
     * already has refuses the whole batch with {@link TrialConflictException}.
     */
    public List<Long> addTrials(long sweepId, List<NewTrial> newTrials) {
        return trials.add(sweepId, newTrials);
    }

    /**
     * Claims the lowest-numbered queued trial of a running sweep for {@code worker}: it becomes
     * running, its attempt grows by one and it is leased for {@code lease}. Empty when nothing is
     * queued or the sweep is not running. Concurrent claims (threads, processes, machines) never
     * get the same trial.
     */
    public Optional<ClaimedTrial> claimNextTrial(long sweepId, String worker, Duration lease) {
        return trials.claimNext(sweepId, worker, lease);
    }

    /** Extends the lease to now + {@code extension}; empty when the worker has lost the trial. */
    public Optional<TrialLease> heartbeat(TrialLease lease, Duration extension) {
        return trials.heartbeat(lease, extension);
    }

    /** Records one epoch's metrics (overwriting that epoch if it was recorded before). */
    public void recordEpoch(TrialLease lease, int epoch, Map<String, Double> metrics) {
        epochs.record(lease, List.of(new EpochMetrics(epoch, metrics)));
    }

    /** Records many epochs in one transaction with batched upserts (imports, benchmarks). */
    public void recordEpochs(TrialLease lease, List<EpochMetrics> epochMetrics) {
        epochs.record(lease, epochMetrics);
    }

    /**
     * Records the checkpoint file written for {@code epoch} (overwriting a previous one); the path
     * is stored absolute, so it resolves from any working directory.
     */
    public void recordCheckpoint(TrialLease lease, int epoch, Path path, String sha256, long bytes) {
        epochs.checkpoint(lease, epoch, path, sha256, bytes);
    }

    /**
     * A trial that continues after {@code epoch} (0: starts over) forgets what earlier attempts
     * recorded after it: metrics and checkpoint rows of later epochs go, its best value and last
     * epoch are recomputed from what stays. One transaction, under the lease.
     */
    public void rewind(TrialLease lease, int epoch) {
        epochs.rewind(lease, epoch);
    }

    /** Ends the running trial held by {@code lease}: finished, failed, pruned or cancelled. */
    public void finishTrial(TrialLease lease, TrialOutcome outcome) {
        trials.finish(lease, outcome);
    }

    /**
     * The retry policy queues the trial held by {@code lease} again after its attempt failed for
     * {@code failure} (the next claim makes it attempt + 1); the event records the class, the
     * attempt and what failed. What it recorded stays, as for an expired lease.
     */
    public void retryTrial(TrialLease lease, FailureClass failure, String detail, int maxAttempts) {
        trials.retry(lease, failure, detail, maxAttempts);
    }

    /**
     * `sweeper retry`: the sweep's trials in {@code states} (ended ones: failed, pruned, cancelled)
     * go back to the queue and the sweep runs again, in one transaction; returns how many.
     */
    public int requeueEnded(long sweepId, Set<TrialState> states) {
        return trials.requeueEnded(sweepId, states);
    }

    /** Cancels the sweep's queued trials (they never start unless requeued); returns how many. */
    public int cancelQueued(long sweepId) {
        return trials.cancelQueued(sweepId);
    }

    /**
     * {@code process} (the prefix of its workers' names, e.g. {@code host:pid:}) works on the
     * sweep: called when it starts and every half lease, whether it runs a trial or waits, so that
     * {@link #stopWorking} of another process knows it is not the last. {@code pidScope} says where
     * its pid identifies it (host name and pid namespace), for processes there to tell it is gone.
     */
    public void workingOn(long sweepId, String process, String pidScope) {
        TrialLifecycle.requireWorker(process);
        db.dsl.transaction(cfg -> SweepProcesses.seen(cfg.dsl(), sweepId, process, pidScope, StoreTime.now()));
    }

    /** How many processes other than {@code process} have been seen working on the sweep within the lease. */
    public int othersWorkingOn(long sweepId, String process, Duration lease) {
        return db.dsl.transactionResult(cfg -> SweepProcesses.othersAlive(cfg.dsl(), sweepId, process, StoreTime.now(), lease));
    }

    /** {@code process} has finished its work on the sweep (the sweep ended or was cancelled elsewhere). */
    public void leave(long sweepId, String process) {
        db.dsl.transaction(cfg -> SweepProcesses.left(cfg.dsl(), sweepId, process));
    }

    /** The processes that said they work on the sweep ({@link #workingOn}) and have not left: live ones, and killed ones. */
    public List<ProcessSeen> processes(long sweepId) {
        return db.dsl.transactionResult(cfg -> SweepProcesses.all(cfg.dsl(), sweepId));
    }

    /**
     * {@code process} is known to be dead: the leases of its running trials end now, so that
     * {@link #reclaimExpired} requeues them (or fails them, by policy) without waiting out the
     * lease; returns how many ended.
     */
    public int endLeasesOf(long sweepId, String process) {
        return trials.endLeases(sweepId, process);
    }

    /**
     * A process stops working on the sweep: the running trials of its workers (named
     * {@code process}…, e.g. {@code host:pid:}) are recorded as cancelled, then handed back to the
     * queue if another process was seen working on the sweep ({@link #workingOn}) within
     * {@code lease}, else the sweep is cancelled too.
     */
    public ProcessStop stopWorking(long sweepId, String process, Duration lease) {
        return trials.stopWorking(sweepId, process, lease);
    }

    /**
     * Resume: puts the sweep's cancelled trials back in the queue; what they recorded stays, for
     * their next attempt to continue from (see {@link #rewind}); returns how many.
     */
    public int requeueCancelled(long sweepId) {
        return trials.requeueCancelled(sweepId);
    }

    /**
     * The lease policy: running trials whose lease ended before {@code now} go back to the queue
     * (keeping what they recorded, to continue from; the attempt grows at the next claim), or
     * fail with the reason once they have been started {@code maxAttempts} times.
     */
    public Reclaimed reclaimExpired(long sweepId, Instant now, int maxAttempts) {
        return trials.reclaimExpired(sweepId, now, maxAttempts);
    }

    // ---- reading

    public TrialRow trial(long trialId) {
        return leaderboard.trial(trialId);
    }

    /** The sweep's trial numbered {@code number} (as `show` lists them), if it has one. */
    public Optional<TrialRow> trial(long sweepId, int number) {
        return leaderboard.trial(sweepId, number);
    }

    /**
     * The sweep's trials ranked by their best value of the sweep's metric, best first for its
     * goal; trials without a value (queued, or no epoch yet) last, each group by number.
     */
    public List<TrialRow> trials(long sweepId) {
        return leaderboard.ranked(sweepId, Integer.MAX_VALUE);
    }

    /** The first {@code limit} of {@link #trials}: a leaderboard without reading every trial. */
    public List<TrialRow> topTrials(long sweepId, int limit) {
        return leaderboard.ranked(sweepId, limit);
    }

    /**
     * The first {@code limit} trials in {@code state}, ranked as {@link #trials}: lets a
     * leaderboard put finished trials before running ones without reading every trial.
     */
    public List<TrialRow> topTrials(long sweepId, TrialState state, int limit) {
        return leaderboard.ranked(sweepId, state, limit);
    }

    /** The best finished or pruned trial, if any has a value. */
    public Optional<TrialRow> bestTrial(long sweepId) {
        return leaderboard.best(sweepId);
    }

    /** Number of trials in each state (all states present). */
    public Map<TrialState, Integer> trialCounts(long sweepId) {
        return leaderboard.counts(sweepId);
    }

    /** Every recorded epoch of the trial, in order. */
    public List<EpochMetrics> metrics(long trialId) {
        return leaderboard.metrics(trialId);
    }

    /**
     * Every trial of the sweep that recorded {@code metricName}, with its state and its values by
     * epoch, in trial-number order; one query. Early termination's view of the sweep.
     */
    public List<TrialCurve> metricCurves(long sweepId, String metricName) {
        return leaderboard.curves(sweepId, metricName);
    }

    /**
     * {@link #metricCurves(long, String)} of some trials (by number): a dashboard of a sweep of
     * many thousand trials draws a sample of their curves, and reads only those.
     */
    public List<TrialCurve> metricCurves(long sweepId, String metricName, Collection<Integer> numbers) {
        return leaderboard.curves(sweepId, metricName, numbers);
    }

    public List<CheckpointRow> checkpoints(long trialId) {
        return leaderboard.checkpoints(trialId);
    }

    /**
     * The checkpoint a trial recorded at {@code path} (its newest epoch there), to verify the
     * files by their sha256; empty when no trial of this store wrote one there.
     */
    public Optional<CheckpointRow> checkpointAt(Path path) {
        return leaderboard.checkpointAt(path);
    }

    /** The sweep's history, oldest first. */
    public List<EventRow> events(long sweepId) {
        return leaderboard.events(sweepId);
    }

    /**
     * Runs the user's SQL, which must be exactly one query, read-only (see {@link ReadOnlyQuery});
     * at most {@code maxRows} rows are returned, and it is cancelled after {@code timeout}. Other
     * statements, writes, functions with side effects, bad SQL and timeouts end in a
     * SweeperException.
     */
    public QueryResult query(String sql, int maxRows, Duration timeout) {
        return readOnlyQuery.run(sql, maxRows, timeout);
    }

    /** {@link #query(String, int, Duration)} with {@link #QUERY_TIMEOUT}. */
    public QueryResult query(String sql, int maxRows) {
        return query(sql, maxRows, QUERY_TIMEOUT);
    }

    /**
     * Whether the login {@link #query} runs as may change the store (a PostgreSQL superuser, or a
     * role with write rights on a table it sees): then only sweeper's checks keep a query from
     * writing, where a read-only role would have the database refuse too. False on H2, where the
     * query runs as a user with SELECT rights only.
     */
    public boolean queryLoginMayWrite() {
        return readOnlyQuery.loginMayWrite();
    }

    /** The MLflow mirror's outbox and run mapping (package tracking delivers from it). */
    public TrackingOutbox trackingOutbox() {
        return trackingOutbox;
    }

    /** Closes the database (for H2, releases the file for other processes). */
    @Override
    public void close() {
        db.close();
    }
}
