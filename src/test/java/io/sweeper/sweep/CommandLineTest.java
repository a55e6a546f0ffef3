package io.sweeper.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.sweeper.SweeperException;

/** A trial's argv, built from the command template the way W&B's agent builds it. */
class CommandLineTest {

    private static final Map<String, Object> PARAMS = params();
    private static final CommandEnvironment ENVIRONMENT = new CommandEnvironment("python3",
            Optional.of(Path.of("/runs/7/params.json")), Map.of("DATA", "/data/midas", "GPUS", "0"));

    private static Map<String, Object> params() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("lr", 1e-05);
        params.put("batch", 32L);
        params.put("augment", true);
        params.put("amp", false);
        params.put("layers", List.of(64L, 128L));
        params.put("optimizer", Map.of("name", "adam"));
        params.put("act", "mish");
        return ConfigValues.normalizeMap(params);
    }

    private static List<String> expand(String... template) {
        return new CommandLine(List.of(template), Optional.of("train.py")).expand(PARAMS, ENVIRONMENT);
    }

    @Test
    void defaultCommandIsEnvInterpreterProgramArgs() {
        CommandLine command = new CommandLine(CommandLine.DEFAULT_TEMPLATE, Optional.of("train.py"));

        assertThat(command.isDefault()).isTrue();
        assertThat(command.expand(PARAMS, ENVIRONMENT)).containsExactly("/usr/bin/env", "python3", "train.py",
                "--lr=1e-05", "--batch=32", "--augment=True", "--amp=False", "--layers=[64, 128]",
                "--optimizer={'name': 'adam'}", "--act=mish");
    }

    @Test
    void argsNoHyphensDropsTheDashes() {
        assertThat(expand("${args_no_hyphens}")).containsExactly("lr=1e-05", "batch=32", "augment=True", "amp=False",
                "layers=[64, 128]", "optimizer={'name': 'adam'}", "act=mish");
    }

    @Test
    void argsNoBooleanFlagsTurnsTrueIntoASwitchAndOmitsFalse() {
        assertThat(expand("${args_no_boolean_flags}")).containsExactly("--lr=1e-05", "--batch=32", "--augment",
                "--layers=[64, 128]", "--optimizer={'name': 'adam'}", "--act=mish");
    }

    @Test
    void argsJsonIsOneArgument() {
        assertThat(expand("${program}", "${args_json}")).containsExactly("train.py",
                "{\"lr\":1.0E-5,\"batch\":32,\"augment\":true,\"amp\":false,\"layers\":[64,128],"
                        + "\"optimizer\":{\"name\":\"adam\"},\"act\":\"mish\"}");
        assertThat(CommandLine.argsJson(PARAMS)).isEqualTo(expand("${args_json}").get(0));
    }

    @Test
    void argsJsonFileIsThePathTheCallerWrites() {
        CommandLine command = new CommandLine(List.of("${program}", "--params", "${args_json_file}"), Optional.of("train.py"));

        assertThat(command.usesArgsJsonFile()).isTrue();
        assertThat(command.expand(PARAMS, ENVIRONMENT)).containsExactly("train.py", "--params", "/runs/7/params.json");
        assertThatThrownBy(() -> command.expand(PARAMS, new CommandEnvironment("python", Optional.empty(), Map.of())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void environmentVariablesAreReplacedInsideAnyItem() {
        assertThat(expand("${envvar:GPUS}", "--data=${envvar:DATA}/train")).containsExactly("0", "--data=/data/midas/train");
    }

    @Test
    void anUnsetEnvironmentVariableIsAnError() {
        assertThatThrownBy(() -> expand("--token=${envvar:API_TOKEN}"))
                .isInstanceOf(SweeperException.class)
                .hasMessageContaining("API_TOKEN is not set");
    }

    @Test
    void fixedItemsAndNumbersFromTheFilePassThrough() {
        SweepSpec spec = SweepFiles.parse("""
                program: train.py
                method: random
                command:
                  - ${interpreter}
                  - -u
                  - ${program}
                  - --epochs
                  - 30
                  - --ratio
                  - 0.5
                  - ${args}
                parameters:
                  lr: {value: 0.01}
                """, "inline.yaml").spec();

        assertThat(spec.command().expand(Map.of("lr", 0.01), ENVIRONMENT))
                .containsExactly("python3", "-u", "train.py", "--epochs", "30", "--ratio", "0.5", "--lr=0.01");
    }

    @Test
    void aCommandWithoutProgramNeedsNoProgramKey() {
        SweepSpec spec = SweepFiles.parse("""
                method: random
                command: [bash, run.sh]
                parameters:
                  lr: {value: 0.01}
                """, "inline.yaml").spec();

        assertThat(spec.command().program()).isEmpty();
        assertThat(spec.command().expand(Map.of("lr", 0.01), ENVIRONMENT)).containsExactly("bash", "run.sh");
    }
}
