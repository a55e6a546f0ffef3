package io.sweeper.search;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import io.sweeper.sweep.BayesSettings;
import io.sweeper.sweep.SweepSpec;

/**
 * {@code method: bayes}: Bayesian optimisation of the sweep's metric on the {@link UnitCube}, with
 * W&amp;B's Gaussian process and expected improvement ({@link ExpectedImprovement}, the default) or
 * a Tree-structured Parzen Estimator ({@link TreeParzenEstimator}, {@code bayes: {engine: tpe}}).
 * Until the history holds the start-up number of trials with values ({@link Observations}) it
 * suggests exactly what {@link RandomSearch} with the same seed would. After that, the engine's
 * random draws come from a generator seeded by (seed, next trial number), so a suggestion is a
 * function of the spec, the history and the seed, and successive suggestions differ.
 * {@code run_cap} and {@code metric.target} end the sweep as for every method.
 */
public final class BayesSearch implements SearchMethod {
    private final long seed;
    private final BayesSettings settings;

    public BayesSearch(long seed, BayesSettings settings) {
        this.seed = seed;
        this.settings = settings;
    }

    @Override
    public Optional<Map<String, Object>> suggest(SweepSpec spec, List<TrialRecord> history) {
        if (SweepLimits.reached(spec, history)) {
            return Optional.empty();
        }
        int trialNumber = TrialRecord.nextNumber(history);
        UnitCube cube = UnitCube.of(spec);
        Observations observations = Observations.of(spec, cube, history);
        if (cube.dimensions() == 0 || observations.size() < settings.effectiveStartupTrials()) {
            return Optional.of(new RandomSearch(seed).configuration(spec, trialNumber));
        }
        BayesEngine engine = switch (settings.engine()) {
            case GP -> new ExpectedImprovement();
            case TPE -> new TreeParzenEstimator(settings.multivariate());
        };
        double[] point = engine.next(cube, observations, new SplittableRandom(TrialRandom.streamSeed(seed, trialNumber)));
        return Optional.of(cube.configuration(point));
    }
}
