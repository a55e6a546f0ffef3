package io.sweeper.train;

import java.util.SplittableRandom;

/**
 * The random streams of one epoch (shuffle, augmentation, dropout), each seeded from the trial's
 * seed and the epoch number alone. An epoch's draws thus do not depend on the epochs before it,
 * so a trial resumed at epoch k draws what an uninterrupted one draws, with no random generator
 * state to save.
 */
record EpochSeeds(long seed, int epoch) {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    SplittableRandom shuffle() {
        return new SplittableRandom(stream(0));
    }

    SplittableRandom augmentation() {
        return new SplittableRandom(stream(1));
    }

    long dropout() {
        return stream(2);
    }

    /**
     * The (3·epoch + index + 1)-th value SplittableRandom(seed) would give, without drawing the
     * ones before it: that generator's n-th value is mix64(seed + n·gamma).
     */
    private long stream(int index) {
        return new SplittableRandom(seed + GOLDEN_GAMMA * (3L * epoch + index)).nextLong();
    }
}
