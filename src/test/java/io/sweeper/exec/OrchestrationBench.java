package io.sweeper.exec;

import io.sweeper.search.SearchMethods;
import io.sweeper.sweep.Goal;
import io.sweeper.store.Store;
import io.sweeper.sweep.SweepFiles;
import io.sweeper.sweep.SweepSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Orchestration overhead: a random sweep of N trials whose runner does no training (one epoch of
 * one metric reported), so all the time is sweeper's: suggesting, queueing, claiming, the lease,
 * recording the epoch and finishing — through the real H2 file store. Run by bench/orchestration.sh.
 * Usage: OrchestrationBench TRIALS WORKERS
 */
public final class OrchestrationBench {
    private OrchestrationBench() {
    }

    public static void main(String[] args) throws Exception {
        int trials = Integer.parseInt(args[0]);
        int workers = Integer.parseInt(args[1]);
        Path dir = Files.createTempDirectory("sweeper-orchestration");
        String yaml = """
                name: overhead
                program: nothing.py
                method: random
                run_cap: %d
                metric: {name: score, goal: maximize}
                parameters:
                  x: {distribution: uniform, min: 0, max: 1}
                  lr: {distribution: log_uniform_values, min: 0.0001, max: 0.1}
                  act: {values: [relu, mish]}
                """.formatted(trials);
        SweepSpec spec = SweepFiles.parse(yaml, "overhead.yaml").spec();
        AtomicLong insideRunner = new AtomicLong();
        TrialRunner trivial = (params, context) -> {
            long start = System.nanoTime();
            double score = ((Number) params.get("x")).doubleValue();
            insideRunner.addAndGet(System.nanoTime() - start);
            context.reportEpoch(1, Map.of("score", score));
            return TrialRunner.End.FINISHED;
        };
        try (Store store = Store.open("jdbc:h2:file:" + dir.resolve("db"))) {
            long id = store.createSweep("overhead", yaml, "random", "score", Goal.MAXIMIZE);
            SweepRunner runner = new SweepRunner(store, id, spec, SearchMethods.forSpec(spec, id), trivial,
                    new SweepRunner.Settings(new ThreadBudget(workers, 1), dir.resolve("runs"), Duration.ofSeconds(60), 3),
                    SweepProgress.NONE);
            long start = System.nanoTime();
            runner.run();
            double totalMs = (System.nanoTime() - start) / 1e6;
            double perTrial = (totalMs - insideRunner.get() / 1e6) / trials;
            System.out.printf(Locale.ROOT, "| %d | %d | %.0f ms | %.2f ms |%n", trials, workers, totalMs, perTrial);
        }
    }
}
