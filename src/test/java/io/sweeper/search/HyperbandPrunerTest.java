package io.sweeper.search;

import static io.sweeper.search.Curves.decide;
import static io.sweeper.search.Curves.finished;
import static io.sweeper.search.Curves.negated;
import static io.sweeper.search.Curves.pruner;
import static io.sweeper.search.Curves.running;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * W&amp;B's rule (wandb/sweeps src/sweeps/hyperband_stopping.py): at the latest band reached, stop
 * when the trial's value (strict: at the band; otherwise its best so far) is strictly worse than
 * the value ranked ⌊n/eta⌋ among all n trials that reached the band.
 */
class HyperbandPrunerTest {

    /** The runs of hyperband_stop_runs' docstring: max_iter 5, eta 2, s 2 → bands [1, 2]. */
    private static final List<MetricCurve> DOCSTRING = List.of(
            finished(0, 10, 9),      // a
            running(1, 10, 10),      // b
            running(2, 10, 8, 8),    // c
            running(3, 10, 7, 7),    // d
            finished(4, 10, 6, 6));  // e

    @Test
    void docstringExampleStopsOnlyTheRunAboveTheBandTwoCut() {
        // band 2 values 9, 10, 8, 7, 6 → sorted[int(5 / 2)] = 8; b's 10 > 8 stops, c's 8 is a tie
        Pruner strict = pruner("minimize", "{type: hyperband, max_iter: 5, eta: 2, s: 2}");
        assertThat(decide(strict, DOCSTRING.get(1), DOCSTRING)).hasValueSatisfying(why -> assertThat(why)
                .isEqualTo("loss 10 at iteration 2 is worse than 8, the hyperband cut at iteration 2 (top 1/2 of the 5 trials that reached it)"));
        assertThat(decide(strict, DOCSTRING.get(2), DOCSTRING)).isEmpty();
        assertThat(decide(strict, DOCSTRING.get(3), DOCSTRING)).isEmpty();
    }

    @Test
    void maximizingTheNegatedHistoryStopsTheSameRuns() {
        Pruner strict = pruner("maximize", "{type: hyperband, max_iter: 5, eta: 2, s: 2}");
        List<MetricCurve> negated = DOCSTRING.stream().map(Curves::negated).toList();
        assertThat(decide(strict, negated.get(1), negated)).hasValueSatisfying(why ->
                assertThat(why).contains("acc -10 at iteration 2 is worse than -8"));
        assertThat(decide(strict, negated.get(2), negated)).isEmpty();
        assertThat(decide(strict, negated.get(3), negated)).isEmpty();
    }

    @Test
    void strictComparesTheValueAtTheBandNonStrictTheBestSoFar() {
        // band 3: values 1, 2, 3, 9 → cut sorted[int(4 / 3)] = 2. The trial was 9 at iteration 3
        // but has since reached 1.5.
        List<MetricCurve> sweep = List.of(finished(0, 5, 5, 1, 1), finished(1, 5, 5, 2, 2),
                finished(2, 5, 5, 3, 3), running(3, 9, 9, 9, 1.5));
        String strict = "{type: hyperband, min_iter: 3, eta: 3, strict: true}";
        String lenient = "{type: hyperband, min_iter: 3, eta: 3, strict: false}";
        assertThat(decide(pruner("minimize", strict), sweep.get(3), sweep)).isPresent();
        assertThat(decide(pruner("minimize", lenient), sweep.get(3), sweep)).isEmpty();

        List<MetricCurve> worse = List.of(sweep.get(0), sweep.get(1), sweep.get(2), running(3, 9, 9, 9, 2.5));
        assertThat(decide(pruner("minimize", lenient), worse.get(3), worse)).hasValueSatisfying(why ->
                assertThat(why).startsWith("best loss so far 2.5 is worse than 2,"));
    }

    @Test
    void strictIsTheDefaultAsInWandbsSchema() {
        List<MetricCurve> sweep = List.of(finished(0, 5, 5, 1), finished(1, 5, 5, 2), finished(2, 5, 5, 3),
                running(3, 9, 9, 9, 1.5));
        assertThat(decide(pruner("minimize", "{type: hyperband, min_iter: 3}"), sweep.get(3), sweep)).isPresent();
    }

    @Test
    void aTrialAloneAtItsBandIsItsOwnCut() {
        MetricCurve alone = running(0, 100, 100, 100);
        assertThat(pruner("minimize", "{type: hyperband, min_iter: 3}").prune(alone, List.of())).isEmpty();
    }

    @Test
    void nothingIsDecidedBeforeTheFirstBand() {
        List<MetricCurve> sweep = List.of(finished(0, 1, 1, 1), finished(1, 1, 1, 1), running(2, 50, 50));
        assertThat(decide(pruner("minimize", "{type: hyperband, min_iter: 3}"), sweep.get(2), sweep)).isEmpty();
    }

    @Test
    void withTwoTrialsAtABandAndEtaThreeTheWorseOneStopsAsInWandb() {
        // int(2 / 3) = 0: the cut is the better of the two
        List<MetricCurve> sweep = List.of(finished(0, 1, 1, 1), running(1, 2, 2, 2));
        assertThat(decide(pruner("minimize", "{type: hyperband, min_iter: 3}"), sweep.get(1), sweep)).isPresent();
    }

    @Test
    void aValueEqualToTheCutGoesOn() {
        List<MetricCurve> sweep = List.of(finished(0, 1, 1, 2), finished(1, 1, 1, 2), running(2, 1, 1, 2));
        assertThat(decide(pruner("minimize", "{type: hyperband, min_iter: 3}"), sweep.get(2), sweep)).isEmpty();
    }

    @Test
    void theLatestBandReachedIsTheOneThatCounts() {
        // bands 1, 3: at iteration 4 the trial is judged at band 3, where it was best, not at band 1
        List<MetricCurve> sweep = List.of(finished(0, 1, 5, 5, 5), finished(1, 1, 6, 6, 6), running(2, 9, 9, 4, 4));
        assertThat(decide(pruner("minimize", "{type: hyperband, min_iter: 1}"), sweep.get(2), sweep)).isEmpty();
        List<MetricCurve> atBandOne = List.of(sweep.get(0), sweep.get(1), running(2, 9));
        assertThat(decide(pruner("minimize", "{type: hyperband, min_iter: 1}"), atBandOne.get(2), atBandOne)).isPresent();
    }

    @Test
    void trialsThatDidNotReachTheBandDoNotVote() {
        // at band 3 only trial 2 itself has a value: the short, better trials 0 and 1 do not count
        List<MetricCurve> sweep = List.of(running(0, 0.1), running(1, 0.1, 0.1), running(2, 9, 9, 9));
        assertThat(decide(pruner("minimize", "{type: hyperband, max_iter: 9, s: 1}"), sweep.get(2), sweep)).isEmpty();
    }

    @Test
    void negatingEveryCurveKeepsTheDecisionUnderTheOppositeGoal() {
        List<MetricCurve> sweep = List.of(finished(0, 3, 2, 1), finished(1, 3, 3, 3), running(2, 4, 4, 4));
        List<MetricCurve> flipped = sweep.stream().map(Curves::negated).toList();
        assertThat(decide(pruner("minimize", "{type: hyperband, min_iter: 3}"), sweep.get(2), sweep)).isPresent();
        assertThat(decide(pruner("maximize", "{type: hyperband, min_iter: 3}"), flipped.get(2), flipped)).isPresent();
        assertThat(decide(pruner("maximize", "{type: hyperband, min_iter: 3}"), sweep.get(2), sweep))
                .as("4 is the best when maximizing").isEmpty();
        assertThat(negated(sweep.get(0)).at(3)).isEqualTo(-1);
    }
}
