package io.sweeper.cli;

import io.sweeper.SweeperException;
import io.sweeper.exec.BuiltInTrainerRunner;
import io.sweeper.exec.SweepSession;
import io.sweeper.sweep.Categorical;
import io.sweeper.sweep.Constant;
import io.sweeper.DidYouMean;
import io.sweeper.sweep.Distribution;
import io.sweeper.sweep.IntUniform;
import io.sweeper.sweep.LoadedSweep;
import io.sweeper.sweep.ParameterSpec;
import io.sweeper.sweep.SweepSpec;
import io.sweeper.sweep.UniformRange;
import io.sweeper.sweep.WeightedCategorical;
import io.sweeper.train.TrialConfig;
import io.sweeper.train.TrialParameter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What a sweep file for the built-in trainer ({@link SweepSession#usesBuiltInTrainer}) must get
 * right before any trial starts: every parameter is one of the trainer's ({@link TrialParameter}),
 * flat, with values the trainer accepts, and the metric is one the trainer reports. The sweep package cannot know this ({@code train} does not know sweeps, and
 * {@code sweep} does not know the trainer), so {@code validate} and {@code run} both ask here.
 *
 * <p>Errors name the file and the parameter's key path; the sweep package keeps no line numbers
 * for parsed parameters, so there is no line to give.
 */
public final class BuiltInTrainerCheck {
    private BuiltInTrainerCheck() {
    }

    /**
     * Refuses, with one line naming the file and key, the first thing the built-in trainer would
     * reject; does nothing for sweeps that run a command.
     */
    public static void check(LoadedSweep loaded) {
        SweepSpec spec = loaded.spec();
        if (!SweepSession.usesBuiltInTrainer(spec)) {
            return;
        }
        spec.metric().ifPresent(metric -> {
            List<String> reported = BuiltInTrainerRunner.METRICS;
            if (!reported.contains(metric.name())) {
                throw new SweeperException(spec.source() + ": metric.name: '" + metric.name()
                        + "' is not a metric the built-in trainer reports; it reports " + String.join(", ", reported)
                        + DidYouMean.suffix(metric.name(), reported));
            }
        });
        for (ParameterSpec parameter : spec.parameters()) {
            String where = spec.source() + ": parameters." + parameter.name();
            if (parameter instanceof ParameterSpec.Nested) {
                throw new SweeperException(where + ": the built-in trainer takes flat parameters, not nested ones;"
                        + " `sweeper train --help` lists them");
            }
            if (TrialParameter.byKey(parameter.name()).isEmpty()) {
                throw new SweeperException(where + ": not a parameter of the built-in trainer"
                        + DidYouMean.suffix(parameter.name(), trainerKeys()) + "; `sweeper train --help` lists them");
            }
            checkValues(where, parameter.name(), ((ParameterSpec.Leaf) parameter).distribution());
        }
    }

    /**
     * Every value the trainer could be handed is one it accepts: each listed value, and the ends
     * of a uniform range (as drawn, i.e. after exp() and rounding to q). Normal and beta
     * distributions have no ends the user wrote down, so they are not checked here; a sampled
     * value out of range fails its trial with the trainer's message.
     */
    private static void checkValues(String where, String key, Distribution distribution) {
        if (distribution instanceof Constant constant) {
            accepts(where + ".value", key, constant.value());
        } else if (distribution instanceof Categorical categorical) {
            categorical.values().forEach(value -> accepts(where + ".values", key, value));
        } else if (distribution instanceof WeightedCategorical weighted) {
            weighted.values().forEach(value -> accepts(where + ".values", key, value));
        } else if (distribution instanceof IntUniform || distribution instanceof UniformRange) {
            accepts(where + " (lowest value)", key, distribution.quantile(0));
            accepts(where + " (highest value)", key, distribution.quantile(1));
        }
    }

    /** The trainer's own validation, so its rules and messages are not restated here. */
    private static void accepts(String source, String key, Object value) {
        TrialConfig.of(Map.of(key, value), source);
    }

    private static List<String> trainerKeys() {
        return Arrays.stream(TrialParameter.values()).map(TrialParameter::key).toList();
    }
}
