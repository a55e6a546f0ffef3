package io.sweeper.sweep;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a command's macros expand to besides the trial's parameters.
 *
 * @param interpreter  {@code ${interpreter}}; W&amp;B's agent uses {@code python}
 * @param argsJsonFile {@code ${args_json_file}}: where the caller writes
 *                     {@link CommandLine#argsJson} before starting the trial
 * @param variables    the environment {@code ${envvar:NAME}} reads
 */
public record CommandEnvironment(String interpreter, Optional<Path> argsJsonFile, Map<String, String> variables) {

    public static final String DEFAULT_INTERPRETER = "python";

    public CommandEnvironment {
        Objects.requireNonNull(interpreter, "interpreter");
        Objects.requireNonNull(argsJsonFile, "argsJsonFile");
        variables = Map.copyOf(variables);
    }

    /** W&amp;B's agent's choices: {@code python}, and this process's environment variables. */
    public static CommandEnvironment ofThisProcess(Optional<Path> argsJsonFile) {
        return new CommandEnvironment(DEFAULT_INTERPRETER, argsJsonFile, System.getenv());
    }
}
