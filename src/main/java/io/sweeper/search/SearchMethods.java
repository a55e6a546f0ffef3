package io.sweeper.search;

import io.sweeper.sweep.SweepSpec;

/** Picks the search method a sweep's {@code method} names. */
public final class SearchMethods {
    private SearchMethods() {
    }

    /**
     * @param seedIfUnset the seed random and Bayesian search use when the file sets none; the
     *                    caller records it with the sweep so the sweep can be replayed
     */
    public static SearchMethod forSpec(SweepSpec spec, long seedIfUnset) {
        return switch (spec.method()) {
            case GRID -> new GridSearch();
            case RANDOM -> new RandomSearch(spec.seed().orElse(seedIfUnset));
            case BAYES -> new BayesSearch(spec.seed().orElse(seedIfUnset), spec.bayes());
        };
    }
}
