package io.sweeper.search;

import static io.sweeper.search.Curves.decide;
import static io.sweeper.search.Curves.finished;
import static io.sweeper.search.Curves.pruner;
import static io.sweeper.search.Curves.running;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ASHA as a stopping rule: at each rung (min_iter·eta^k) a trial goes on only if it ranks within
 * the top ⌊n/eta⌋ (at least 1) of the n values recorded at that rung, its own included.
 */
class AshaPrunerTest {
    private static final String RULE = "{type: asha, min_iter: 1, eta: 3}"; // rungs 1, 3, 9, …

    @Test
    void theFirstTrialAtARungAlwaysGoesOn() {
        assertThat(pruner("minimize", RULE).prune(running(0, 100), List.of())).isEmpty();
    }

    @Test
    void whileFewerThanEtaTrialsReachedARungOnlyTheBestGoesOn() {
        List<MetricCurve> sweep = List.of(finished(0, 1, 1, 1), running(1, 2));
        assertThat(decide(pruner("minimize", RULE), sweep.get(1), sweep)).hasValueSatisfying(why ->
                assertThat(why).isEqualTo("loss 2 at rung 1 is worse than 1, the cut for the top 1 of 2 trials (asha, eta 3)"));
        List<MetricCurve> better = List.of(finished(0, 1, 1, 1), running(1, 0.5));
        assertThat(decide(pruner("minimize", RULE), better.get(1), better)).isEmpty();
    }

    @Test
    void theTopThirdOfSixGoesOn() {
        // rung 3 values 1, 2, 4, 5, 6 and the trial's: the top ⌊6/3⌋ = 2 go on, the cut is the 2nd best
        List<MetricCurve> sweep = List.of(finished(0, 0, 0, 1), finished(1, 0, 0, 2), finished(2, 0, 0, 4),
                finished(3, 0, 0, 5), finished(4, 0, 0, 6));
        Pruner asha = pruner("minimize", RULE);
        assertThat(asha.prune(running(5, 0, 0, 1.5), sweep)).isEmpty();
        assertThat(asha.prune(running(5, 0, 0, 3), sweep)).hasValueSatisfying(why -> assertThat(why)
                .isEqualTo("loss 3 at rung 3 is worse than 2, the cut for the top 2 of 6 trials (asha, eta 3)"));
    }

    @Test
    void aValueEqualToTheCutGoesOn() {
        List<MetricCurve> sweep = List.of(finished(0, 1), finished(1, 1), finished(2, 1));
        assertThat(decide(pruner("minimize", RULE), running(3, 1), sweep)).isEmpty();
    }

    @Test
    void betweenRungsNothingIsDecided() {
        // iteration 2 is no rung: a hopeless value there is not judged
        List<MetricCurve> sweep = List.of(finished(0, 1, 1, 1), finished(1, 1, 1, 1));
        assertThat(pruner("minimize", RULE).prune(running(2, 1, 99), sweep)).isEmpty();
    }

    @Test
    void maximizingKeepsTheHighestValues() {
        // six values at rung 1: the top 2 go on
        List<MetricCurve> sweep = List.of(finished(0, 0.9), finished(1, 0.8), finished(2, 0.7), finished(3, 0.6),
                finished(4, 0.5));
        Pruner asha = pruner("maximize", RULE);
        assertThat(asha.prune(running(3, 0.85), sweep)).isEmpty();
        assertThat(asha.prune(running(3, 0.75), sweep)).hasValueSatisfying(why ->
                assertThat(why).startsWith("acc 0.75 at rung 1 is worse than 0.8,"));
    }

    @Test
    void maxIterEndsTheRungs() {
        // rungs 1 and 3 only: at 9 the trial is past max_iter's last rung and runs to its end
        List<MetricCurve> sweep = List.of(finished(0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        Pruner capped = pruner("minimize", "{type: asha, min_iter: 1, eta: 3, max_iter: 9}");
        assertThat(capped.prune(running(1, 0, 0, 0, 0, 0, 0, 0, 0, 5), sweep)).isEmpty();
        assertThat(pruner("minimize", RULE).prune(running(1, 0, 0, 0, 0, 0, 0, 0, 0, 5), sweep)).isPresent();
    }
}
