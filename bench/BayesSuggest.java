import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.sweeper.search.BayesSearch;
import io.sweeper.search.RandomSearch;
import io.sweeper.search.TrialRecord;
import io.sweeper.sweep.BayesSettings;
import io.sweeper.sweep.SweepFiles;
import io.sweeper.sweep.SweepSpec;
import io.sweeper.sweep.TrialState;

/**
 * Milliseconds per bayes suggestion for histories of 50 and 200 trials (the last 8 running), per
 * engine: a 4-parameter sweep, 10 warm-up suggestions, then the mean of 20. Run by bench/bayes-suggest.
 */
public class BayesSuggest {
    public static void main(String[] args) {
        SweepSpec spec = SweepFiles.parse("""
                program: train.py
                method: bayes
                metric: {name: loss}
                parameters:
                  x: {min: -5.0, max: 5.0}
                  lr: {distribution: log_uniform_values, min: 0.0001, max: 1.0}
                  layers: {min: 0, max: 20}
                  kind: {values: [a, b, c]}
                """, "bench.yaml").spec();
        System.out.println("| engine | trials in history | ms per suggestion |");
        System.out.println("|---|---|---|");
        for (BayesSettings.Engine engine : BayesSettings.Engine.values()) {
            for (int trials : new int[] {50, 200}) {
                List<TrialRecord> history = history(spec, trials);
                BayesSearch search = new BayesSearch(3, new BayesSettings(engine, Optional.empty(), false));
                for (int i = 0; i < 10; i++) {
                    search.suggest(spec, history);
                }
                int repeats = 20;
                long start = System.nanoTime();
                for (int i = 0; i < repeats; i++) {
                    search.suggest(spec, history);
                }
                System.out.printf("| %s | %d | %.0f |%n", engine.yamlName(), trials, (System.nanoTime() - start) / 1e6 / repeats);
            }
        }
    }

    private static List<TrialRecord> history(SweepSpec spec, int trials) {
        RandomSearch random = new RandomSearch(7);
        List<TrialRecord> history = new ArrayList<>();
        for (int i = 0; i < trials; i++) {
            Map<String, Object> config = random.configuration(spec, i);
            double loss = Math.pow((Double) config.get("x") - 1, 2) + (Long) config.get("layers") / 10.0;
            boolean running = i >= trials - 8;
            history.add(new TrialRecord(i, config, running ? TrialState.RUNNING : TrialState.FINISHED,
                    running ? Optional.empty() : Optional.of(loss)));
        }
        return history;
    }
}
