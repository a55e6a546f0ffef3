package io.sweeper.dashboard;

import io.sweeper.store.ClaimedTrial;
import io.sweeper.store.EpochMetrics;
import io.sweeper.store.NewTrial;
import io.sweeper.store.Store;
import io.sweeper.store.SweepRow;
import io.sweeper.store.SweepState;
import io.sweeper.store.TrialOutcome;
import io.sweeper.sweep.Goal;
import io.sweeper.sweep.TrialState;
import io.sweeper.testing.ChromiumPage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * How long writing a dashboard takes and how big the page is for sweeps of 10, 1,000 and 10,000
 * finished trials × 100 epochs (random search over four parameters), beside the peer a text
 * report pays (reading every trial row, what {@code show --all} reads); and how long Chromium
 * takes to draw the page. Run by bench/dashboard (each size in a fresh JVM: "first" is what a
 * one-shot {@code sweeper dashboard} pays). Usage: DashboardBench JDBC_URL TRIALS OUT_DIR [render]
 */
public final class DashboardBench {
    private static final int EPOCHS = 100;
    private static final int RUNS = 5;
    static final String SPEC = """
            name: bench
            method: random
            metric: {name: val_accuracy, goal: maximize}
            command: [bash, train.sh, "${args}"]
            early_terminate: {type: hyperband, min_iter: 10, eta: 3}
            parameters:
              lr: {distribution: log_uniform_values, min: 0.00001, max: 0.1}
              dropout: {distribution: uniform, min: 0.0, max: 0.7}
              batch_size: {values: [16, 32, 64, 128]}
              activation: {values: [relu, mish, tanh]}
              epochs: {value: 100}
            """;

    private DashboardBench() {
    }

    public static void main(String[] args) throws Exception {
        int trials = Integer.parseInt(args[1]);
        Path out = Path.of(args[2]).resolve("dashboard-" + trials + ".html");
        try (Store store = Store.open(args[0])) {
            String name = "dashboard-bench-" + trials;
            SweepRow sweep = store.listSweeps().stream()
                    .filter(s -> s.name().equals(name) && store.trialCounts(s.id()).get(TrialState.FINISHED) == trials)
                    .findFirst().orElseGet(() -> fill(store, name, trials, EPOCHS));
            double first = millis(() -> Dashboard.write(store, List.of(sweep), out, Optional.empty()));
            double[] warm = new double[RUNS];
            double[] peer = new double[RUNS];
            for (int i = 0; i < RUNS; i++) {
                warm[i] = millis(() -> Dashboard.write(store, List.of(sweep), out, Optional.empty()));
                peer[i] = millis(() -> store.trials(sweep.id()).size());
            }
            System.out.printf(Locale.ROOT, "%,6d trials: write first %6.0f ms, then median %6.0f ms; page %5.2f MB;"
                    + " peer: reading the %,d trial rows %5.0f ms%n", trials, first, median(warm), Files.size(out) / 1e6,
                    trials, median(peer));
        }
        if (args.length > 3 && args[3].equals("render")) {
            try (ChromiumPage page = ChromiumPage.start(1400, 900)) {
                long start = System.nanoTime();
                page.navigate(out.toUri().toString());
                double loaded = (System.nanoTime() - start) / 1e6;
                String panels = page.evaluate("JSON.stringify(sweeperDashboard.timings)").asText();
                System.out.printf(Locale.ROOT, "%,6d trials: Chromium loads and draws the page in %.0f ms; by panel (ms): %s;"
                        + " %d errors%n", trials, loaded, panels, page.errors().size());
            }
        }
    }

    /** A finished random-search sweep of {@code trials} trials × {@code epochs} epochs of plausible curves. */
    static SweepRow fill(Store store, String name, int trials, int epochs) {
        long id = store.createSweep(name, SPEC, "random", "val_accuracy", Goal.MAXIMIZE);
        Random random = new Random(trials);
        List<String> activations = List.of("relu", "mish", "tanh");
        store.addTrials(id, IntStream.range(0, trials).mapToObj(n -> new NewTrial(n, String.format(Locale.ROOT,
                "{\"lr\": %s, \"dropout\": %s, \"batch_size\": %d, \"activation\": \"%s\", \"epochs\": 100}",
                Math.pow(10, -5 + 4 * random.nextDouble()), 0.7 * random.nextDouble(), 16 << random.nextInt(4),
                activations.get(random.nextInt(3))))).toList());
        for (int n = 0; n < trials; n++) {
            ClaimedTrial trial = store.claimNextTrial(id, "bench:1:" + (n % 4), Duration.ofMinutes(5)).orElseThrow();
            double ceiling = 0.5 + 0.45 * random.nextDouble();
            List<EpochMetrics> curve = new ArrayList<>(epochs);
            for (int e = 1; e <= epochs; e++) {
                double accuracy = ceiling * (1 - Math.exp(-e / 15.0)) + 0.01 * random.nextGaussian();
                curve.add(new EpochMetrics(e, Map.of("val_accuracy", accuracy, "val_loss", 2.5 * (1 - accuracy))));
            }
            store.recordEpochs(trial.lease(), curve);
            store.finishTrial(trial.lease(), TrialOutcome.finished());
        }
        store.setSweepState(id, SweepState.FINISHED);
        return store.findSweep(Long.toString(id));
    }

    private interface Work {
        Object run() throws Exception;
    }

    private static double millis(Work work) throws Exception {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e6;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
