package io.sweeper.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.sweeper.SweeperException;

/**
 * Every malformed file in src/test/resources/sweeps/bad is refused with one message that names
 * the file, the line to look at and the key path. The expected line and key are read off the
 * files by hand, not computed.
 */
class BadSweepFilesTest {

    private static final Path BAD = SweepTestFiles.path("bad");

    @ParameterizedTest(name = "{0}: line {1}, key ''{2}''")
    @CsvSource(delimiter = '|', textBlock = """
            bad-yaml-syntax.yaml                   | 7  |                                                          | invalid YAML
            unknown-method.yaml                    | 3  | method                                                   | did you mean 'random'?
            bayes-without-metric.yaml              | 2  | metric                                                   | bayes search models the metric
            bayes-unknown-engine.yaml              | 5  | bayes.engine                                             | must be gp or tpe, got 'tpr' (did you mean 'tpe'?)
            bayes-unknown-key.yaml                 | 6  | bayes.engin                                              | did you mean 'engine'?
            bayes-one-startup-trial.yaml           | 6  | bayes.startup_trials                                     | must be at least 2
            bayes-multivariate-with-gp.yaml        | 6  | bayes.multivariate                                       | applies to engine: tpe
            bayes-not-a-mapping.yaml               | 4  | bayes                                                    | must be a mapping, e.g. bayes: {engine: tpe}
            method-custom.yaml                     | 2  | method                                                   | not supported
            unknown-distribution.yaml              | 5  | parameters.lr.distribution                               | did you mean 'log_uniform_values'?
            min-greater-than-max.yaml              | 10 | parameters.dropout.max                                   | must be greater than min (0.1), got 0.05
            int-uniform-min-equals-max.yaml        | 4  | parameters.layers.max                                    | must be greater than min (3), got 3
            metric-without-name.yaml               | 3  | metric.name                                              | is missing
            bad-goal.yaml                          | 5  | metric.goal                                              | did you mean 'maximize'?
            metric-unknown-key.yaml                | 5  | metric.gaol                                              | did you mean 'goal'?
            q-zero.yaml                            | 8  | parameters.rotation.q                                    | must be greater than 0, got 0
            q-negative-float.yaml                  | 8  | parameters.noise.q                                       | must be greater than 0, got -0.5
            log-values-min-zero.yaml               | 6  | parameters.lr.min                                        | must be greater than 0 for log_uniform_values
            inv-log-values-negative.yaml           | 6  | parameters.weight_decay.min                              | must be greater than 0 for inv_log_uniform_values
            grid-over-uniform.yaml                 | 6  | parameters.dropout                                       | uniform is continuous
            grid-over-log-uniform.yaml             | 4  | parameters.lr                                            | log_uniform_values is continuous
            grid-with-probabilities.yaml           | 4  | parameters.optimizer                                     | probabilities mean nothing to it
            empty-values.yaml                      | 5  | parameters.activation.values                             | at least one value
            string-min.yaml                        | 6  | parameters.lr.min                                        | must be a number, got the text '0.001'
            int-uniform-float-bound.yaml           | 6  | parameters.layers.min                                    | must be an integer, got the number 1.5
            unknown-top-level-key.yaml             | 3  | paramters                                                | did you mean 'parameters'?
            probabilities-wrong-length.yaml        | 6  | parameters.optimizer.probabilities                       | has 2 entries but values has 3
            probabilities-do-not-sum-to-one.yaml   | 6  | parameters.optimizer.probabilities                       | must sum to 1
            alias-bomb.yaml                        | 8  |                                                          | alias bomb
            deep-nesting.yaml                      | 7  |                                                          | nested more than 40 levels
            nested-error.yaml                      | 12 | parameters.model.parameters.encoder.parameters.dropout.max | must be greater than min (0.5), got 0.2
            negative-run-cap.yaml                  | 3  | run_cap                                                  | must be at least 1, got -5
            missing-method.yaml                    | 2  | method                                                   | is missing
            missing-parameters.yaml                | 1  | parameters                                               | is missing
            empty-file.yaml                        | 1  |                                                          | the file is empty
            not-a-mapping.yaml                     | 1  |                                                          | a mapping of keys
            key-not-of-distribution.yaml           | 8  | parameters.rotation.q                                    | use distribution: q_uniform
            misspelt-parameter-key.yaml            | 7  | parameters.noise.sigmaa                                  | did you mean 'sigma'?
            duplicate-parameter.yaml               | 6  | parameters.lr                                            | appears twice (first on line 4)
            early-terminate-without-metric.yaml    | 3  | early_terminate                                          | add metric
            early-terminate-bad-eta.yaml           | 7  | early_terminate.eta                                      | must be greater than 1, got 1.0
            early-terminate-unknown-type.yaml      | 5  | early_terminate.type                                     | must be hyperband, asha or median, got 'medain' (did you mean 'median'?)
            early-terminate-key-of-another-type.yaml | 7 | early_terminate.eta                                    | unknown key 'eta'; the keys here are min_iter, min_trials, type
            early-terminate-misspelt-key.yaml      | 6  | early_terminate.min_trails                               | did you mean 'min_trials'?
            early-terminate-asha-without-min-iter.yaml | 4 | early_terminate.min_iter                             | asha needs the first rung
            early-terminate-asha-max-below-min.yaml | 7 | early_terminate.max_iter                                | must be greater than min_iter (9), got 9
            early-terminate-max-iter-without-s.yaml| 4  | early_terminate.s                                        | is required with max_iter
            unknown-command-macro.yaml             | 7  | command[3]                                               | did you mean '${args}'?
            parameter-not-a-mapping.yaml           | 5  | parameters.lr                                            | got the number 0.1
            sigma-negative.yaml                    | 7  | parameters.noise.sigma                                   | must be greater than 0, got -1.0
            beta-zero-shape.yaml                   | 6  | parameters.mix.a                                         | must be greater than 0, got 0.0
            two-documents.yaml                     | 5  |                                                          | expected a single document
            bad-parameter-name.yaml                | 4  | parameters.1st_layer                                     | not a usable parameter name
            nested-with-extra-key.yaml             | 5  | parameters.optimizer.value                               | cannot stand beside parameters
            null-constant.yaml                     | 5  | parameters.checkpoint.value                              | null is not a value
            zero-workers.yaml                      | 3  | workers                                                  | must be at least 1, got 0
            zero-max-attempts.yaml                 | 3  | max_attempts                                             | must be at least 1, got 0
            seed-not-an-integer.yaml               | 3  | seed                                                     | must be an integer
            cannot-infer-distribution.yaml         | 4  | parameters.noise                                         | cannot tell the distribution
            missing-max.yaml                       | 4  | parameters.lr.max                                        | is missing; log_uniform_values needs min and max
            tab-indentation.yaml                   | 4  |                                                          | invalid YAML
            values-not-a-list.yaml                 | 5  | parameters.activation.values                             | must be a list
            probability-not-a-number.yaml          | 8  | parameters.optimizer.probabilities[1]                    | must be a number, got the text 'half'
            empty-command.yaml                     | 3  | command                                                  | must list at least one item
            early-terminate-no-bracket.yaml        | 6  | early_terminate.max_iter                                 | leaves no bracket
            duplicate-key-in-value.yaml            | 7  | parameters.optimizer.values[1]                           | found duplicate key name
            empty-parameters.yaml                  | 3  | parameters                                               | at least one parameter
            retry-and-max-attempts.yaml            | 4  | retry                                                    | and max_attempts are both given
            retry-unknown-class.yaml               | 6  | retry.on[1]                                              | must be crash, timeout or lease_expired, got 'timout' (did you mean 'timeout'?)
            retry-zero-attempts.yaml               | 5  | retry.max_attempts                                       | must be at least 1, got 0
            trial-timeout-zero.yaml                | 3  | trial_timeout                                            | must be a number of seconds greater than 0, got 0
            sweep-timeout-text.yaml                | 5  | sweep_timeout                                            | must be a number
            """)
    void isRefusedNamingFileLineAndKey(String file, int line, String keyPath, String fragment) {
        Path path = BAD.resolve(file);
        String location = path + ":" + line + ": " + (keyPath == null ? "" : keyPath + ": ");

        assertThatThrownBy(() -> SweepFiles.load(path))
                .isInstanceOf(SweeperException.class)
                .hasMessageStartingWith(location)
                .hasMessageContaining(fragment)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void everyBadFileIsInTheTable() throws Exception {
        try (Stream<Path> files = Files.list(BAD)) {
            assertThat(files.count()).as("files in sweeps/bad; add new ones to the table above").isEqualTo(72);
        }
    }

    @Test
    void refusesAHugeInputBeforeParsingIt() {
        String huge = "method: random\nparameters:\n  a: {values: [" + "1, ".repeat(400_000) + "1]}\n";

        assertThatThrownBy(() -> SweepFiles.parse(huge, "huge.yaml"))
                .isInstanceOf(SweeperException.class)
                .hasMessageStartingWith("huge.yaml:1: ")
                .hasMessageContaining("limited to 1048576");
    }

    @Test
    void namesAMissingFile() {
        Path missing = BAD.resolve("no-such-sweep.yaml");

        assertThatThrownBy(() -> SweepFiles.load(missing))
                .isInstanceOf(SweeperException.class)
                .hasMessage(missing + ": no such file");
    }
}
