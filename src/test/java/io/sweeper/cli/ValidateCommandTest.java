package io.sweeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** `sweeper validate`: the sweep file's description, and the built-in trainer's own checks. */
class ValidateCommandTest {
    private static String file(String name) {
        return StoredSweeps.resource("sweeps/" + name).toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"train/quick-grid.yaml", "train/loss-random.yaml"})
    void sweepsForTheBuiltInTrainerAreDescribedAndAccepted(String name) {
        CliRun run = CliRun.of("validate", file(name));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("sweep " + name.replaceAll(".*/|\\.yaml", "") + " from " + file(name),
                "(program: train)", "parameters:");
        assertThat(run.out()).endsWith("valid: the built-in trainer accepts every parameter and reports the metric\n");
    }

    static Stream<Path> shippedSweeps() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("sweeps"))) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("shippedSweeps")
    void everyShippedSweepIsOneTheBuiltInTrainerAccepts(Path file) {
        CliRun run = CliRun.of("validate", file.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).endsWith("valid: the built-in trainer accepts every parameter and reports the metric\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"train/quick-grid.yaml"})
    void aGridSweepSaysHowManyPointsItHas(String name) {
        assertThat(CliRun.of("validate", file(name)).out()).contains("grid: 1 × 2 × 2 × 1 = 4 points");
    }

    @ParameterizedTest
    @ValueSource(strings = {"good/wandb-docs-command.yaml", "train/command-named-train.yaml", "train/script.yaml"})
    void sweepsThatRunACommandAreNotHeldToTheTrainersVocabulary(String name) {
        CliRun run = CliRun.of("validate", file(name));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).endsWith("\nvalid\n");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "unknown-parameter.yaml | : parameters.dropuot: not a parameter of the built-in trainer (did you mean 'dropout'?); `sweeper train --help` lists them",
        "unknown-metric.yaml    | : metric.name: 'val_accuarcy' is not a metric the built-in trainer reports; it reports loss, accuracy, val_loss, val_accuracy (did you mean 'val_accuracy'?)",
        "bad-choice.yaml        | : parameters.activation.values: activation = swoosh: must be one of ",
        "bad-constant.yaml      | : parameters.model.value: model = resnet: must be one of lenet, mnist-cnn",
        "range-too-wide.yaml    | : parameters.dropout (highest value): dropout = 0.99: must be in [0, 0.95]",
        "nested-parameter.yaml  | : parameters.optimizer: the built-in trainer takes flat parameters, not nested ones; `sweeper train --help` lists them",
    })
    void whatTheBuiltInTrainerWouldRefuseIsOneLineNamingFileAndKey(String name, String expected) {
        String path = file("train/bad/" + name);
        CliRun run = CliRun.of("validate", path);
        assertThat(run.exitCode()).isEqualTo(Main.USER_ERROR);
        assertThat(run.userError()).startsWith("sweeper: " + path + expected);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.out()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad/misspelt-parameter-key.yaml", "bad/bad-goal.yaml"})
    void aMalformedSweepFileIsTheSweepReadersOneLine(String name) {
        CliRun run = CliRun.of("validate", file(name));
        assertThat(run.exitCode()).isEqualTo(Main.USER_ERROR);
        assertThat(run.userError()).startsWith("sweeper: " + file(name) + ":");
        assertThat(run.hasStackTrace()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"no-such-sweep.yaml"})
    void aMissingFileIsOneLine(String name) {
        CliRun run = CliRun.of("validate", Path.of(name).toString());
        assertThat(run.userError()).isEqualTo("sweeper: no-such-sweep.yaml: no such file");
    }

    @ParameterizedTest
    @ValueSource(strings = {"good/wandb-function-val-acc.yaml", "good/function-based-no-program.yaml"})
    void aFunctionBasedFileIsValidWithOneNoteOnHowItRuns(String name) {
        CliRun run = CliRun.of("validate", file(name));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().filter(l -> l.startsWith("note: "))).singleElement().satisfies(note -> assertThat(note)
                .contains("--program train.py", "-- COMMAND", "sweeper ask", "clients/python"));
        assertThat(run.out()).endsWith("\nvalid\n");
    }
}
