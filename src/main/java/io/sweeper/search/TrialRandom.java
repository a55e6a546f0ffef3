package io.sweeper.search;

import java.util.List;

/**
 * A counter-based random source: the uniform draw for one parameter of one trial is a hash of
 * (seed, trial number, parameter path) through SplitMix64's mixing function. So trial i's
 * configuration depends on (seed, i) alone — not on which trials ran before or in what order —
 * and adding a parameter to a sweep leaves the others' draws unchanged.
 */
final class TrialRandom {
    private TrialRandom() {
    }

    /** A draw in the open interval (0, 1), so that no quantile function meets an infinite tail. */
    static double uniform(long seed, long trialNumber, List<String> parameterPath) {
        long state = mix(mix(mix(seed) + trialNumber) + parameterPath.hashCode());
        return ((state >>> 11) + 0.5) * 0x1.0p-53;
    }

    /**
     * A seed for the generator of trial {@code trialNumber}'s model-based choices, so each
     * suggestion of a sweep draws differently and the same (seed, trial number) draws the same.
     */
    static long streamSeed(long seed, long trialNumber) {
        return mix(mix(seed) + trialNumber);
    }

    /** SplitMix64: add the golden gamma, then Stafford's variant 13 finaliser. */
    private static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
