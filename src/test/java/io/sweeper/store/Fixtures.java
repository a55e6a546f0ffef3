package io.sweeper.store;

import io.sweeper.sweep.Goal;
import io.sweeper.sweep.TrialState;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Small sweeps for tests: a minimal sweep file and numbered configurations. */
final class Fixtures {
    static final Duration LEASE = Duration.ofMinutes(1);
    static final String SPEC = """
            name: test
            method: grid
            metric: {name: val_accuracy, goal: maximize}
            parameters:
              lr: {values: [0.1, 0.01]}
            """;

    private Fixtures() {
    }

    static long sweep(Store store, String name, Goal goal) {
        return store.createSweep(name, SPEC, "grid", "val_accuracy", goal);
    }

    static long sweepWithTrials(Store store, Goal goal, int trials) {
        long sweepId = sweep(store, "test", goal);
        store.addTrials(sweepId, IntStream.rangeClosed(1, trials).mapToObj(Fixtures::trial).toList());
        return sweepId;
    }

    static NewTrial trial(int number) {
        return new NewTrial(number, "{\"lr\": " + (0.1 / number) + "}");
    }

    static ClaimedTrial claim(Store store, long sweepId, String worker) {
        return store.claimNextTrial(sweepId, worker, LEASE).orElseThrow();
    }

    static Map<String, Double> accuracy(double value) {
        return Map.of("val_accuracy", value, "val_loss", 1 - value);
    }

    static List<TrialState> states(Store store, long sweepId) {
        return store.trials(sweepId).stream().sorted(Comparator.comparingInt(TrialRow::number))
                .map(TrialRow::state).toList();
    }
}
