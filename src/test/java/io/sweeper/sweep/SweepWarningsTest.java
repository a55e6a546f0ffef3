package io.sweeper.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** What sweeper accepts but wants the user to know, each note naming file:line: key like an error. */
class SweepWarningsTest {

    private static List<String> warnings(String yaml) {
        return SweepFiles.parse(yaml, "notes.yaml").warnings();
    }

    @Test
    void wandbKeysSweeperDoesNotActOnAreNotedNotRefused() {
        List<String> warnings = warnings("""
                entity: my-team
                project: mnist
                program: train.py
                method: random
                controller: {type: local}
                parameters:
                  lr: {min: 0.001, max: 0.1}
                """);

        assertThat(warnings).containsExactly(
                "notes.yaml:1: entity: accepted for W&B compatibility but not acted on (a W&B account setting)",
                "notes.yaml:2: project: accepted for W&B compatibility but not acted on (a W&B account setting)",
                "notes.yaml:5: controller: accepted for W&B compatibility but not acted on (sweeper's controller always runs locally)");
    }

    @Test
    void bayesSettingsWithAnotherMethodAreNotedAndIgnored() {
        LoadedSweep loaded = SweepFiles.parse("""
                program: train.py
                method: random
                bayes: {engine: tpe}
                parameters:
                  lr: {min: 0.001, max: 0.1}
                """, "notes.yaml");

        assertThat(loaded.warnings()).containsExactly(
                "notes.yaml:3: bayes: is ignored with method: random; it configures method: bayes");
        assertThat(loaded.spec().bayes()).isEqualTo(BayesSettings.DEFAULT);
    }

    @Test
    void logUniformWithExponentBoundsIsExplained() {
        List<String> warnings = warnings("""
                program: train.py
                method: random
                parameters:
                  lr: {distribution: log_uniform, min: -9.21, max: -2.3}
                """);

        assertThat(warnings).singleElement().asString()
                .startsWith("notes.yaml:4: parameters.lr: log_uniform takes min and max as natural-log exponents (values in [")
                .endsWith("use log_uniform_values");
    }

    @Test
    void quantisedBoundsThatAreNotMultiplesOfQAreNoted() {
        List<String> warnings = warnings("""
                program: train.py
                method: random
                parameters:
                  width: {distribution: q_uniform, min: 10, max: 100, q: 16}
                  ok: {distribution: q_uniform, min: 0, max: 96, q: 16}
                """);

        assertThat(warnings).singleElement().asString()
                .startsWith("notes.yaml:4: parameters.width: min and max are not both multiples of q (16)");
    }

    @Test
    void minIterBesideMaxIterIsNotedAsIgnored() {
        List<String> warnings = warnings("""
                program: train.py
                method: random
                metric: {name: loss}
                early_terminate: {type: hyperband, min_iter: 2, max_iter: 27, s: 2}
                parameters:
                  lr: {min: 0.001, max: 0.1}
                """);

        assertThat(warnings).containsExactly(
                "notes.yaml:4: early_terminate.min_iter: is ignored when max_iter is given (as in W&B)");
    }

    @Test
    void aMacroInsideALongerArgumentIsNotedAsLeftAlone() {
        List<String> warnings = warnings("""
                program: train.py
                method: random
                command:
                  - ${interpreter}
                  - ${program}
                  - --all=${args_json}
                parameters:
                  lr: {min: 0.001, max: 0.1}
                """);

        assertThat(warnings).singleElement().asString()
                .startsWith("notes.yaml:6: command[2]: ${args_json} inside a longer argument is left as text");
    }
}
