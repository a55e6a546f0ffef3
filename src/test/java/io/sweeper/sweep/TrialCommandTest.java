package io.sweeper.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sweeper.SweeperException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** `sweeper run FILE --program P` / `-- COMMAND…` for a function-based file: what the stored sweep then runs. */
class TrialCommandTest {
    private static final CommandEnvironment ENVIRONMENT = new CommandEnvironment("python3", Optional.empty(), Map.of());
    private static final String FUNCTION_BASED = """
            method: random
            metric: {name: val/acc, goal: maximize}
            parameters:
              lr: {value: 0.01}""";

    private static LoadedSweep functionBased() {
        return SweepFiles.parse(FUNCTION_BASED, "f.yaml");
    }

    @Test
    void aProgramRunsUnderWandbsDefaultCommandAndIsPartOfTheStoredText() {
        LoadedSweep amended = TrialCommand.apply(functionBased(), Optional.of("my train.py"), List.of());

        assertThat(amended.spec().command().expand(Map.of("lr", 0.01), ENVIRONMENT))
                .containsExactly("/usr/bin/env", "python3", "my train.py", "--lr=0.01");
        assertThat(amended.spec().yamlText()).startsWith(FUNCTION_BASED + "\n");
        // what `resume` and `agent` read back from the store runs the same program
        assertThat(SweepFiles.parse(amended.spec().yamlText(), "stored").spec().command())
                .isEqualTo(amended.spec().command());
    }

    @Test
    void aCommandGetsWandbsArgsUnlessItPassesTheParametersItself() {
        assertThat(TrialCommand.apply(functionBased(), Optional.empty(), List.of("bash", "run.sh")).spec().command()
                .expand(Map.of("lr", 0.01), ENVIRONMENT)).containsExactly("bash", "run.sh", "--lr=0.01");
        assertThat(TrialCommand.apply(functionBased(), Optional.empty(), List.of("bash", "run.sh", "${args_json}")).spec()
                .command().expand(Map.of("lr", 0.01), ENVIRONMENT)).containsExactly("bash", "run.sh", "{\"lr\":0.01}");
    }

    @Test
    void aFunctionBasedFileWithNothingGivenSaysHowItRuns() {
        assertThatThrownBy(() -> TrialCommand.apply(functionBased(), Optional.empty(), List.of()))
                .isInstanceOf(SweeperException.class)
                .hasMessageStartingWith("f.yaml: the sweep names no program")
                .hasMessageContaining("sweeper run f.yaml --program train.py");
    }

    @Test
    void whatTheFileAlreadyHasIsNotGivenTwice() {
        LoadedSweep withProgram = SweepFiles.parse(FUNCTION_BASED + "\nprogram: a.py\n", "p.yaml");
        LoadedSweep withCommand = SweepFiles.parse(FUNCTION_BASED + "\ncommand: [bash, x.sh]\n", "c.yaml");

        assertThatThrownBy(() -> TrialCommand.apply(withProgram, Optional.of("b.py"), List.of()))
                .hasMessage("p.yaml: already names program: a.py; drop --program, or edit the file");
        assertThatThrownBy(() -> TrialCommand.apply(withCommand, Optional.empty(), List.of("bash", "y.sh")))
                .hasMessageStartingWith("c.yaml: already has a command: list");
        assertThatThrownBy(() -> TrialCommand.apply(functionBased(), Optional.of("a.py"), List.of("bash")))
                .hasMessage("give --program or -- COMMAND…, not both");
        assertThat(TrialCommand.apply(withProgram, Optional.empty(), List.of())).isSameAs(withProgram);
    }
}
