package io.sweeper.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** What {@code sweeper validate} prints. */
class SweepDescriptionTest {

    @Test
    void describesSettingsParametersGridSizeAndWarnings() {
        LoadedSweep loaded = SweepFiles.parse("""
                name: augment-grid
                entity: team
                program: train
                method: grid
                metric: {name: val_accuracy, goal: maximize}
                run_cap: 30
                early_terminate: {type: hyperband, max_iter: 27, s: 2}
                parameters:
                  activation: {values: [relu, mish]}
                  rotation: {distribution: q_uniform, min: 0, max: 20, q: 5}
                  model:
                    parameters:
                      depth: {min: 2, max: 4}
                      width: {value: 64}
                """, "sweeps/augment.yaml");

        List<String> lines = SweepDescription.lines(loaded);

        assertThat(lines).containsExactly(
                "sweep augment-grid from sweeps/augment.yaml",
                "method: grid",
                "metric: val_accuracy (maximize)",
                "run_cap: 30",
                "early_terminate: hyperband, max_iter 27, s 2, eta 3.0, strict; trials compared at iterations 3, 9",
                "command: ${env} ${interpreter} ${program} ${args}  (program: train)",
                "parameters:",
                "  activation            categorical ['relu', 'mish']",
                "  rotation              q_uniform [0.0, 20.0] q=5",
                "  model:",
                "    depth               int_uniform [2, 4] (integers, both ends included)",
                "    width               constant 64",
                "grid: 2 × 5 × 3 × 1 = 30 points",
                "warnings:",
                "  sweeps/augment.yaml:2: entity: accepted for W&B compatibility but not acted on (a W&B account setting)");
    }

    @Test
    void describesSweepersOwnEarlyTerminateTypes() {
        String header = "program: train\nmethod: random\nmetric: {name: loss}\nparameters:\n  x: {values: [1]}\n";
        assertThat(SweepDescription.lines(SweepFiles.parse(header
                + "early_terminate: {type: asha, min_iter: 1, max_iter: 30, eta: 2}\n", "a.yaml")))
                .contains("early_terminate: asha, min_iter 1, max_iter 30, eta 2.0; rungs at iterations 1, 2, 4, 8, 16");
        assertThat(SweepDescription.lines(SweepFiles.parse(header + "early_terminate: {type: median}\n", "m.yaml")))
                .contains("early_terminate: median, min_iter 1, min_trials 5; trials compared with the median of finished ones");
    }

    @Test
    void describesEveryDistribution() {
        LoadedSweep loaded = SweepFiles.load(SweepTestFiles.path("good/every-distribution.yaml"));

        List<String> lines = SweepDescription.lines(loaded);

        assertThat(lines).contains(
                "method: random, seed 42",
                "metric: val_loss (minimize, target 0.05)",
                "run_cap: 100, workers: 2, max_attempts: 4",
                "  categorical_w_probabilities categorical_w_probabilities ['a', 'b'] with probabilities [0.25, 0.75]",
                "  log_uniform_values    log_uniform_values [0.01, 1.0]",
                "  inv_log_uniform       inv_log_uniform [0.0, 4.6] (exponents: values in [0.010051835744633586, 1.0])",
                "  q_log_normal          q_log_normal mu=2.0 sigma=1.0 q=2",
                "  beta                  beta a=2.0 b=5.0");
        assertThat(lines).noneMatch(line -> line.startsWith("grid:"));
    }

    @Test
    void bayesSweepsSayWhichEngineAndHowLongTheRandomStartLasts() {
        LoadedSweep loaded = SweepFiles.parse("""
                program: train.py
                method: bayes
                bayes: {engine: tpe}
                seed: 7
                metric: {name: val_loss}
                parameters:
                  lr: {min: 0.001, max: 0.1}
                """, "tpe.yaml");

        assertThat(SweepDescription.lines(loaded)).contains("method: bayes (engine tpe, multivariate, random until 10 trials have values), seed 7");
    }
}
