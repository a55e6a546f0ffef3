package io.sweeper.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Where each rule compares trials. Hyperband's brackets are checked against W&amp;B's own
 * statements: the sweep-configuration docs (docs.wandb.ai, "early_terminate" examples) and the
 * arithmetic of wandb/sweeps src/sweeps/hyperband_stopping.py, whose docstring example is
 * max_iter 5, eta 2, s 2.
 */
class EarlyTerminateBandsTest {

    private static EarlyTerminate.Hyperband fromMinIter(int minIter, double eta) {
        return new EarlyTerminate.Hyperband(Optional.of(minIter), Optional.empty(), Optional.empty(), eta, true);
    }

    private static EarlyTerminate.Hyperband fromMaxIter(int maxIter, int s, double eta) {
        return new EarlyTerminate.Hyperband(Optional.empty(), Optional.of(maxIter), Optional.of(s), eta, true);
    }

    @Test
    void docsMinIterExampleIsThreeNineTwentySevenEightyOne() {
        // docs: min_iter 3 → [3, 3*eta, 3*eta*eta, 3*eta*eta*eta] = [3, 9, 27, 81]
        assertThat(fromMinIter(3, 3).bands()).startsWith(3, 9, 27, 81);
    }

    @Test
    void minIterListsAHundredBracketsAsWandbDoesUnlessAnIntOverflows() {
        assertThat(fromMinIter(1, 1.1).bands()).hasSize(100);
        assertThat(fromMinIter(3, 3).bands()).as("3·3^19 > 2^31").hasSize(19).endsWith(1_162_261_467);
    }

    @Test
    void docsMaxIterExampleIsNineAndThreeAscending() {
        // docs: max_iter 27, s 2 → [27/eta, 27/eta/eta] = [9, 3]; the code sorts them
        assertThat(fromMaxIter(27, 2, 3).bands()).containsExactly(3, 9);
    }

    @Test
    void wandbDocstringExampleTruncatesEachQuotient() {
        // 5/2 = 2.5 → 2, 2.5/2 = 1.25 → 1
        assertThat(fromMaxIter(5, 2, 2).bands()).containsExactly(1, 2);
    }

    @Test
    void maxIterStopsBelowOneEvenWhenSAsksForMore() {
        // 27 → 9 → 3 → 1 → 0.33 (< 1, dropped)
        assertThat(fromMaxIter(27, 5, 3).bands()).containsExactly(1, 3, 9);
    }

    @Test
    void aFractionalEtaTruncatesTheRunningProductNotEachStep() {
        // 2, 5, 12.5, 31.25 … as int(band) of a float band
        assertThat(fromMinIter(2, 2.5).bands()).startsWith(2, 5, 12, 31, 78);
    }

    @Test
    void ashaRungsGrowByEtaBelowMaxIter() {
        assertThat(new EarlyTerminate.Asha(1, Optional.of(27), 3).rungs()).containsExactly(1, 3, 9);
        assertThat(new EarlyTerminate.Asha(2, Optional.of(30), 2).rungs()).containsExactly(2, 4, 8, 16);
        assertThat(new EarlyTerminate.Asha(1, Optional.empty(), 3).rungs()).startsWith(1, 3, 9, 27).hasSize(20);
    }

    @Test
    void ashaRungsThatTruncateToTheSameIterationAreListedOnce() {
        // 1, 1.5, 2.25, 3.375, 5.06: as ints 1, 1, 2, 3 (5 is not below max_iter 5)
        assertThat(new EarlyTerminate.Asha(1, Optional.of(5), 1.5).rungs()).containsExactly(1, 2, 3);
    }
}
