package io.sweeper.cli;

import io.sweeper.SweeperException;
import io.sweeper.dashboard.Dashboard;
import io.sweeper.dashboard.LiveDashboard;
import io.sweeper.report.TerminalText;
import io.sweeper.sweep.Goal;
import io.sweeper.exec.SweepRunner;
import io.sweeper.exec.TrialFolder;
import io.sweeper.exec.SweepSession;
import io.sweeper.exec.ThreadBudget;
import io.sweeper.store.Store;
import io.sweeper.store.SweepRow;
import io.sweeper.store.TrialRow;
import io.sweeper.tracking.OutboxSender;
import io.sweeper.sweep.GridSpace;
import io.sweeper.sweep.RetryPolicy;
import io.sweeper.sweep.SweepFiles;
import io.sweeper.sweep.SweepMethod;
import io.sweeper.sweep.SweepSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What {@code run}, {@code resume} and {@code agent} share: pool options, the live display, Ctrl-C (running trials
 * stop after their epoch and are recorded as cancelled; {@code resume} continues), the last lines.
 */
final class SweepExecution {
    /** Exit code after Ctrl-C, as shells expect (128 + SIGINT). */
    static final int INTERRUPTED = 130;

    @Option(names = "--workers", paramLabel = "N|auto",
            description = "Trials at once; each gets cores/N intra-op threads (default: the sweep file's workers, else auto: one 1-thread trial per core).")
    String workers;

    @Option(names = "--runs", paramLabel = "DIR", description = "Where trials write checkpoints and logs (default: ${DEFAULT-VALUE}).")
    Path runs = Path.of(System.getProperty("user.home"), ".sweeper", "runs");

    @Option(names = "--lease", defaultValue = "60", paramLabel = "SECONDS",
            description = "How long a trial's lease lasts without a heartbeat (default ${DEFAULT-VALUE}); a killed run's trials are retried after it.")
    int leaseSeconds;

    @Option(names = "--max-attempts", paramLabel = "N", description = "Starts per trial before one that keeps failing is failed for good (default: the sweep file's retry.max_attempts or max_attempts, else 3).")
    Integer maxAttempts;

    /** Starts per trial when neither {@code --max-attempts} nor the sweep file says. */
    static final int DEFAULT_MAX_ATTEMPTS = 3;

    @Option(names = "--dashboard", paramLabel = "FILE",
            description = "The sweep's HTML dashboard, rewritten while it runs (default: ~/.sweeper/dashboards/NAME-ID.html).")
    Path dashboard;

    @Mixin
    DataOptions data;

    @Mixin
    TrackingOptions tracking;

    /** The dashboard's name among the MLflow parent run's artifacts. */
    static final String DASHBOARD_ARTIFACT = "dashboard.html";

    /** How long the end of a sweep waits for the MLflow writes still in flight. */
    private static final Duration MLFLOW_DRAIN = Duration.ofSeconds(30);

    /**
     * Runs the sweep and closes the store. Closing happens before a Ctrl-C handler lets the JVM
     * exit: H2 writes committed data to its file in the background, so without the close the
     * cancellations recorded at Ctrl-C could be lost with the process.
     */
    int execute(Store store, SweepRow sweep, SweepSpec spec) throws InterruptedException {
        if (leaseSeconds < 1 || (maxAttempts != null && maxAttempts < 1)) {
            throw new SweeperException("--lease and --max-attempts must be at least 1, got " + leaseSeconds + " and " + maxAttempts);
        }
        RetryPolicy retry = spec.retryPolicy(Optional.ofNullable(maxAttempts), DEFAULT_MAX_ATTEMPTS);
        String pool = Optional.ofNullable(workers).or(() -> spec.workers().map(String::valueOf)).orElse("auto");
        ThreadBudget budget = ThreadBudget.of(pool, Runtime.getRuntime().availableProcessors());
        SweepPrinter printer = new SweepPrinter(sweep.metricName(), sweep.goal() == Goal.MAXIMIZE, total(spec));
        LiveDashboard live = new LiveDashboard(store, sweep.id(),
                Optional.ofNullable(dashboard).orElseGet(() -> Dashboard.defaultFile(sweep)), printer, data.loadOptions());
        SweepRunner runner = SweepSession.runner(store, sweep.id(), spec,
                new SweepRunner.Settings(budget, runs, Duration.ofSeconds(leaseSeconds), retry),
                data.loadOptions(), Path.of("").toAbsolutePath(), live);
        System.out.println(TerminalText.escape(String.format(Locale.ROOT,
                "sweep %d (%s): %s search, %s %s, %d worker(s) × %d thread(s)", sweep.id(), sweep.name(),
                sweep.method(), sweep.goal().word(), sweep.metricName(), budget.workers(), budget.threadsPerTrial())));
        CountDownLatch finished = new CountDownLatch(1);
        Thread onCtrlC = new Thread(() -> {
            runner.requestStop();
            try {
                finished.await(120, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "sweeper-ctrl-c");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        Optional<OutboxSender> mirror = store.trackingOutbox().mirroring(sweep.id())
                .map(m -> OutboxSender.start(store, sweep, tracking.forSweep(m),
                        line -> System.err.println("sweeper: " + TerminalText.escape(line))));
        try {
            live.start();
            SweepRunner.Outcome outcome = runner.run();
            System.out.println();
            printBest(store, sweep);
            finishDashboard(live, store, sweep);
            if (mirror.isPresent()) {
                printMirror(mirror.get(), sweep);
            }
            return switch (outcome) {
                case FINISHED -> 0;
                case STOPPED -> {
                    System.out.println("stopped: running trials were recorded as cancelled; `sweeper resume " + sweep.id()
                            + "` continues the sweep");
                    yield INTERRUPTED;
                }
                case HANDED_BACK -> {
                    System.out.println("stopped: this process's running trials went back to the queue; the other processes"
                            + " running sweep " + sweep.id() + " continue it");
                    yield INTERRUPTED;
                }
                case CANCELLED_ELSEWHERE -> {
                    System.out.println("sweep " + sweep.id() + " was cancelled by another process: nothing left to run here;"
                            + " `sweeper resume " + sweep.id() + "` continues it");
                    yield 0;
                }
            };
        } finally {
            live.close();
            for (OutboxSender sender : mirror.stream().toList()) {
                sender.close();
            }
            store.close();
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onCtrlC);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down (Ctrl-C): the hook is running, nothing to remove
            }
        }
    }

    /** Runs an existing sweep ({@code resume}, {@code agent}) with the sweep file stored with it. */
    int executeStored(Store store, SweepRow sweep) throws InterruptedException {
        return execute(store, sweep, SweepFiles.parse(sweep.specYaml(), "sweep " + sweep.id()).spec());
    }

    /**
     * The final page; a mirrored sweep's parent run gets it as {@code dashboard.html}, a copy kept in
     * the sweep's runs folder so the upload does not depend on the dashboard file staying put.
     */
    private void finishDashboard(LiveDashboard live, Store store, SweepRow sweep) throws InterruptedException {
        if (!live.finish()) {
            return;
        }
        System.out.println(TerminalText.escape("dashboard: " + live.file().toAbsolutePath() + " (" + live.cost() + ")"));
        if (store.trackingOutbox().mirroring(sweep.id()).isPresent()) {
            Path copy = TrialFolder.sweepFolder(runs, store.identity(), sweep.id()).resolve(DASHBOARD_ARTIFACT);
            try {
                Files.createDirectories(copy.getParent());
                Files.copy(live.file(), copy, StandardCopyOption.REPLACE_EXISTING);
                store.trackingOutbox().attachFiles(sweep.id(), Optional.empty(), List.of(copy), "");
            } catch (IOException e) {
                System.err.println(TerminalText.escape("sweeper: the dashboard was not attached to the MLflow run (" + e.getMessage() + ")"));
            }
        }
    }

    /** Gives the MLflow sender a bounded time to catch up, then says what is left for `sync`. */
    private static void printMirror(OutboxSender sender, SweepRow sweep) throws InterruptedException {
        int pending = sender.drain(MLFLOW_DRAIN);
        if (pending == 0) {
            System.out.println(TerminalText.escape("MLflow: every write delivered (experiment '" + sweep.name() + "')"));
        } else {
            System.out.println("MLflow: " + pending + " write(s) pending; run `sweeper sync " + sweep.id()
                    + "` when the server answers");
        }
    }

    private static void printBest(Store store, SweepRow sweep) {
        Optional<TrialRow> best = store.bestTrial(sweep.id());
        if (best.isEmpty()) {
            System.out.println(TerminalText.escape("no trial reported " + sweep.metricName() + " yet"));
            return;
        }
        TrialRow t = best.get();
        System.out.println(TerminalText.escape(String.format(Locale.ROOT,
                "best: trial %d, %s %.4f at epoch %d — `sweeper best %d` writes its configuration",
                t.number(), sweep.metricName(), t.bestValue().getAsDouble(), t.bestEpoch().orElse(0), sweep.id())));
    }

    private static String total(SweepSpec spec) {
        if (spec.method() == SweepMethod.GRID) {
            long size = GridSpace.of(spec.parameters()).size();
            return Long.toString(spec.runCap().map(c -> Math.min(c, size)).orElse(size));
        }
        return spec.runCap().map(String::valueOf).orElse("∞");
    }
}
