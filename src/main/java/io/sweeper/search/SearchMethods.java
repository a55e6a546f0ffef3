package io.sweeper.search;

import io.sweeper.SweeperException;
import io.sweeper.sweep.SweepSpec;

/** Picks the search method a sweep's {@code method} names. */
public final class SearchMethods {
    private SearchMethods() {
    }

    /**
     * @param seedIfUnset the seed random search uses when the file sets none; the caller records
     *                    it with the sweep so the sweep can be replayed
     * @throws SweeperException for {@code bayes}, which is not available yet
     */
    public static SearchMethod forSpec(SweepSpec spec, long seedIfUnset) {
        return switch (spec.method()) {
            case GRID -> new GridSearch();
            case RANDOM -> new RandomSearch(spec.seed().orElse(seedIfUnset));
            case BAYES -> throw new SweeperException(spec.source() + ": method: bayes is not available yet;"
                    + " Bayesian search comes in a later release of sweeper");
        };
    }
}
