package io.sweeper.store;

import io.sweeper.sweep.Goal;
import io.sweeper.sweep.TrialState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * How long {@code show} (all trials ranked) and {@code best} take on a big store: 10,000 finished
 * trials with 100 epochs of two metrics each (2,000,000 metric rows). Run by bench/store-show-best.sh;
 * the database is filled once (through the public API, epochs in batches) and reused.
 * Usage: ShowBestBench JDBC_URL [fill|best|top|show|ls|curve|all]; the script runs each operation
 * in a fresh JVM, so "first" is what a one-shot command pays after opening the store.
 */
public final class ShowBestBench {
    private static final int TRIALS = 10_000;
    private static final int EPOCHS = 100;
    private static final int RUNS = 30;
    private static final String SWEEP = "bench-10k-trials";

    private ShowBestBench() {
    }

    public static void main(String[] args) {
        String operation = args.length > 1 ? args[1] : "all";
        try (Store store = Store.open(args[0])) {
            long sweepId = store.listSweeps().stream()
                    .filter(s -> s.name().equals(SWEEP) && store.trialCounts(s.id()).get(TrialState.FINISHED) == TRIALS)
                    .mapToLong(SweepRow::id)
                    .findFirst()
                    .orElseGet(() -> fill(store));
            if (operation.equals("fill")) {
                System.out.printf("store %s, sweep %d: %d trials x %d epochs x 2 metrics%n", store.url(), sweepId, TRIALS, EPOCHS);
            }
            if (operation.equals("best") || operation.equals("all")) {
                time("best: bestTrial(sweep)", () -> (int) store.bestTrial(sweepId).orElseThrow().id());
            }
            if (operation.equals("top") || operation.equals("all")) {
                time("show: topTrials(sweep, 20)", () -> store.topTrials(sweepId, 20).size());
            }
            if (operation.equals("show") || operation.equals("all")) {
                time("show all: trials(sweep), 10,000 rows", () -> store.trials(sweepId).size());
            }
            if (operation.equals("ls") || operation.equals("all")) {
                time("ls: listSweeps + trialCounts", () -> store.listSweeps().size() + store.trialCounts(sweepId).size());
            }
            if (operation.equals("curve") || operation.equals("all")) {
                time("curve: metrics(trial), 100 epochs", () -> store.metrics(sweepId * TRIALS / 2).size());
            }
        }
    }

    private static long fill(Store store) {
        long started = System.nanoTime();
        long sweepId = store.createSweep(SWEEP, Fixtures.SPEC, "random", "val_accuracy", Goal.MAXIMIZE);
        store.addTrials(sweepId, IntStream.rangeClosed(1, TRIALS)
                .mapToObj(n -> new NewTrial(n, "{\"lr\": " + (1e-4 * n) + ", \"dropout\": 0.3, \"activation\": \"mish\"}"))
                .toList());
        Random random = new Random(42);
        for (int n = 1; n <= TRIALS; n++) {
            ClaimedTrial trial = store.claimNextTrial(sweepId, "bench", Duration.ofMinutes(5)).orElseThrow();
            double ceiling = 0.5 + 0.45 * random.nextDouble();
            List<EpochMetrics> epochs = new ArrayList<>(EPOCHS);
            for (int e = 0; e < EPOCHS; e++) {
                double accuracy = ceiling * (1 - Math.exp(-e / 15.0)) + 0.01 * random.nextGaussian();
                epochs.add(new EpochMetrics(e, Map.of("val_accuracy", accuracy, "val_loss", 2.5 * (1 - accuracy))));
            }
            store.recordEpochs(trial.lease(), epochs);
            store.finishTrial(trial.lease(), TrialOutcome.finished());
            if (n % 1000 == 0) {
                System.out.printf("filled %d trials in %.0f s%n", n, (System.nanoTime() - started) / 1e9);
            }
        }
        return sweepId;
    }

    private interface Call {
        int run();
    }

    /**
     * The first call is what a one-shot command (`sweeper show`) pays after opening the store; the
     * rest are warm (JIT, page cache and H2's result cache), as in a long-running dashboard.
     */
    private static void time(String what, Call call) {
        long firstStart = System.nanoTime();
        call.run();
        double first = (System.nanoTime() - firstStart) / 1e6;
        for (int i = 0; i < 4; i++) {
            call.run();
        }
        double[] millis = new double[RUNS];
        int result = 0;
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            result = call.run();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf("%-40s first %6.1f ms   then median %6.1f ms, p90 %6.1f ms, max %6.1f ms   (%d)%n",
                what, first, millis[RUNS / 2], millis[RUNS * 9 / 10], millis[RUNS - 1], result);
    }
}
