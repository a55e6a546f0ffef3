package io.sweeper.tracking;

import io.sweeper.store.ClaimedTrial;
import io.sweeper.store.Store;
import io.sweeper.store.SweepRow;
import io.sweeper.store.TrackingTarget;
import io.sweeper.store.TrialOutcome;
import io.sweeper.sweep.Goal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What mirroring costs: (1) on the training thread, the time of recording an epoch (4 metrics) and
 * of claiming + finishing a trial, with and without an MLflow-mirrored sweep, through the real H2
 * file store: the difference is the outbox insert; (2) the sender's throughput into a real MLflow
 * server, delivering the backlog that (1) left. Run by bench/tracking.sh.
 * Usage: TrackingOverheadBench TRIALS EPOCHS MLFLOW_URL
 */
public final class TrackingOverheadBench {
    private TrackingOverheadBench() {
    }

    public static void main(String[] args) throws Exception {
        int trials = Integer.parseInt(args[0]);
        int epochs = Integer.parseInt(args[1]);
        TrackingServer server = TrackingServer.at(args[2], Map.of());
        Path dir = Files.createTempDirectory("sweeper-tracking-bench");
        try (Store store = Store.open("jdbc:h2:file:" + dir.resolve("db"))) {
            measure(store, trials, epochs, Optional.empty());
            Result plain = measure(store, trials, epochs, Optional.empty());
            Result mirrored = measure(store, trials, epochs,
                    Optional.of(new TrackingTarget(server.url(), Map.of("epochs", Integer.toString(epochs)))));
            System.out.printf("| plain    | %.0f µs/epoch | %.0f µs/trial (claim+finish) |%n", plain.perEpochMicros, plain.perTrialMicros);
            System.out.printf("| mirrored | %.0f µs/epoch | %.0f µs/trial (claim+finish) |%n", mirrored.perEpochMicros, mirrored.perTrialMicros);
            SweepRow sweep = store.findSweep(Long.toString(mirrored.sweepId));
            int backlog = store.trackingOutbox().pendingCount(sweep.id());
            long start = System.nanoTime();
            OutboxSync.deliverAll(store, sweep, server, System.err::println);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("| sender   | %d rows (%d metric points) in %.1f s: %.0f rows/s, %.0f points/s |%n", backlog,
                    trials * epochs * 4, seconds, backlog / seconds, trials * epochs * 4 / seconds);
        }
    }

    private record Result(long sweepId, double perEpochMicros, double perTrialMicros) {
    }

    private static Result measure(Store store, int trials, int epochs, Optional<TrackingTarget> tracking) {
        long sweepId = store.createSweep("bench-" + System.nanoTime(), "name: bench\n", "grid", "val_accuracy",
                Goal.MAXIMIZE, tracking);
        for (int t = 0; t < trials; t++) {
            store.addTrial(sweepId, t, "{\"lr\": 0.1, \"optimizer\": {\"momentum\": 0.9}}");
        }
        long epochNanos = 0;
        long trialNanos = 0;
        for (int t = 0; t < trials; t++) {
            long start = System.nanoTime();
            ClaimedTrial trial = store.claimNextTrial(sweepId, "bench", Duration.ofMinutes(1)).orElseThrow();
            trialNanos += System.nanoTime() - start;
            for (int e = 1; e <= epochs; e++) {
                Map<String, Double> metrics = new LinkedHashMap<>();
                metrics.put("val_accuracy", 0.5 + 0.001 * e + 0.01 * t);
                metrics.put("val_loss", 1.0 / e);
                metrics.put("train_accuracy", 0.6);
                metrics.put("train_loss", 0.9 / e);
                start = System.nanoTime();
                store.recordEpoch(trial.lease(), e, metrics);
                epochNanos += System.nanoTime() - start;
            }
            start = System.nanoTime();
            store.finishTrial(trial.lease(), TrialOutcome.finished());
            trialNanos += System.nanoTime() - start;
        }
        return new Result(sweepId, epochNanos / 1e3 / (trials * epochs), trialNanos / 1e3 / trials);
    }
}
