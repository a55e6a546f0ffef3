package io.sweeper.train.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sweeper.SweeperException;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SplitTest {
    /** Class 0 has 7 samples, class 1 has 3, class 2 has 10, in sample order. */
    private static final int[] LABELS = {0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2};

    @Test
    void kerasSplitTakesTheFirstTruncatedFractionOfEachClass() {
        Split split = Split.keras(LABELS, 0.2);

        // int(0.2 · 7) = 1, int(0.2 · 3) = 0, int(0.2 · 10) = 2
        assertThat(split.validation()).containsExactly(0, 10, 11);
        assertThat(split.train()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 13, 14, 15, 16,
                17, 18, 19);
    }

    @Test
    void stratifiedSplitIsSeededAndKeepsClassProportions() {
        Split a = Split.stratified(LABELS, 0.3, 5);
        Split b = Split.stratified(LABELS, 0.3, 5);

        assertThat(a).isEqualTo(b);
        // int(0.3 · 7) = 2, int(0.3 · 3) = 0, int(0.3 · 10) = 3
        assertThat(countOfClass(a.validation(), 0)).isEqualTo(2);
        assertThat(countOfClass(a.validation(), 1)).isZero();
        assertThat(countOfClass(a.validation(), 2)).isEqualTo(3);
        assertPartition(a, LABELS.length);
    }

    @Test
    void otherSeedsGiveOtherSplits() {
        long distinct = IntStream.range(0, 10)
                .mapToObj(seed -> Split.stratified(LABELS, 0.3, seed))
                .distinct().count();

        assertThat(distinct).isGreaterThan(5);
    }

    @Test
    void zeroFractionPutsEverythingInTraining() {
        Split split = Split.stratified(LABELS, 0, 1);

        assertThat(split.validation()).isEmpty();
        assertThat(split.train()).hasSize(LABELS.length);
    }

    @Test
    void fractionOutOfRangeIsAUserError() {
        assertThatThrownBy(() -> Split.keras(LABELS, 1.0))
                .isInstanceOf(SweeperException.class).hasMessageContaining("validation fraction");
        assertThatThrownBy(() -> Split.stratified(LABELS, -0.1, 1))
                .isInstanceOf(SweeperException.class);
    }

    @Test
    void splitArraysCannotBeChangedFromOutside() {
        int[] train = {1, 2};
        Split split = new Split(train, new int[] {0});
        train[0] = 99;
        split.train()[1] = 99;

        assertThat(split.train()).containsExactly(1, 2);
    }

    static int countOfClass(int[] samples, int label) {
        return (int) Arrays.stream(samples).filter(i -> LABELS[i] == label).count();
    }

    /** Train and validation are ascending, disjoint, and together every sample once. */
    static void assertPartition(Split split, int count) {
        int[] all = IntStream.concat(Arrays.stream(split.train()), Arrays.stream(split.validation()))
                .sorted().toArray();
        assertThat(all).isEqualTo(IntStream.range(0, count).toArray());
        assertThat(split.train()).isSorted();
        assertThat(split.validation()).isSorted();
    }
}
