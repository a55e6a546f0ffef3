package io.sweeper.sweep;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * sweeper's additive {@code bayes:} key, read only with {@code method: bayes}: which model picks
 * the next configuration, and how many observed trials it waits for before it is trusted.
 *
 * @param engine        {@code gp} (the default: W&amp;B's Gaussian process with expected improvement)
 *                      or {@code tpe} (a Tree-structured Parzen Estimator)
 * @param startupTrials how many trials with a value (observed or imputed) the model needs before it
 *                      replaces random sampling; absent means the engine's default
 * @param multivariate  with {@code tpe}: model all parameters jointly rather than each alone (the
 *                      file's default with {@code tpe}, as Optuna's)
 */
public record BayesSettings(Engine engine, Optional<Integer> startupTrials, boolean multivariate) {

    /** What a sweep without a {@code bayes:} key gets: W&amp;B's behaviour. */
    public static final BayesSettings DEFAULT = new BayesSettings(Engine.GP, Optional.empty(), false);
    /** Fewer than two values give the models nothing to compare. */
    public static final int MIN_STARTUP_TRIALS = 2;

    public enum Engine {
        /** W&amp;B's default start-up: the Gaussian process is fitted as soon as two trials have values. */
        GP("gp", 2),
        /** Optuna's TPESampler default start-up: ten trials. */
        TPE("tpe", 10);

        private final String yamlName;
        private final int defaultStartupTrials;

        Engine(String yamlName, int defaultStartupTrials) {
            this.yamlName = yamlName;
            this.defaultStartupTrials = defaultStartupTrials;
        }

        public String yamlName() {
            return yamlName;
        }

        static List<String> yamlNames() {
            return Arrays.stream(values()).map(Engine::yamlName).toList();
        }
    }

    public BayesSettings {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(startupTrials, "startupTrials");
        startupTrials.filter(n -> n < MIN_STARTUP_TRIALS).ifPresent(n -> {
            throw new InvalidSpecException("startup_trials", "must be at least " + MIN_STARTUP_TRIALS
                    + " (the model compares trials), got " + n);
        });
        if (multivariate && engine != Engine.TPE) {
            throw new InvalidSpecException("multivariate", "applies to engine: tpe (the Gaussian process models"
                    + " all parameters jointly already); remove it or set engine: tpe");
        }
    }

    /** The start-up trials in force: the file's, else the engine's default. */
    public int effectiveStartupTrials() {
        return startupTrials.orElse(engine.defaultStartupTrials);
    }
}
