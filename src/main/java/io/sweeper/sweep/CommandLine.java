package io.sweeper.sweep;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.sweeper.SweeperException;

/**
 * How a trial's program is started: the sweep file's {@code command:} list (W&amp;B's default
 * {@code ${env} ${interpreter} ${program} ${args}} when absent) and its {@code program}.
 * {@link #expand} turns it into argv for one trial's parameters as W&amp;B's agent does:
 * <ul>
 *   <li>{@code ${args}}: {@code --key=value} per top-level parameter, values as Python's
 *       {@code str()} writes them ({@code True}, {@code 1e-05}, a nested group as a dict literal);</li>
 *   <li>{@code ${args_no_hyphens}}: {@code key=value};</li>
 *   <li>{@code ${args_no_boolean_flags}}: like args, but true → {@code --key}, false → omitted;</li>
 *   <li>{@code ${args_json}}: one argument, the parameters as JSON;</li>
 *   <li>{@code ${args_json_file}}: the path of a file holding that JSON, which the caller writes;</li>
 *   <li>{@code ${env}}: {@code /usr/bin/env} (omitted on Windows); {@code ${interpreter}}: see
 *       {@link CommandEnvironment}; {@code ${program}}: the program;</li>
 *   <li>{@code ${envvar:NAME}}: the variable's value, anywhere in an item. W&amp;B leaves NAME in
 *       place when the variable is unset; sweeper refuses, so a trial never runs with a wrong
 *       argument.</li>
 * </ul>
 */
public record CommandLine(List<String> template, Optional<String> program) {

    public static final List<String> DEFAULT_TEMPLATE = List.of(
            CommandMacro.ENV.token(), CommandMacro.INTERPRETER.token(), CommandMacro.PROGRAM.token(), CommandMacro.ARGS.token());
    private static final String ENV_COMMAND = "/usr/bin/env";
    private static final ObjectMapper JSON = new ObjectMapper();

    public CommandLine {
        template = List.copyOf(template);
        Objects.requireNonNull(program, "program");
        if (template.isEmpty()) {
            throw new InvalidSpecException("command", "must list at least one item");
        }
    }

    /**
     * Whether the command runs {@code ${program}} and the file names none: a function-based sweep
     * (W&amp;B's {@code wandb.agent(sweep_id, function=train)}). It validates; trials run once
     * {@code sweeper run --program} or {@code -- COMMAND} supplies what is missing, or through
     * ask/tell, where the user's own code runs them.
     */
    public boolean lacksProgram() {
        return template.contains(CommandMacro.PROGRAM.token()) && program.isEmpty();
    }

    /** Whether the file gave no {@code command:}, so W&amp;B's default applies. */
    public boolean isDefault() {
        return template.equals(DEFAULT_TEMPLATE);
    }

    /** Whether the caller must write {@link #argsJson} to a file and pass its path. */
    public boolean usesArgsJsonFile() {
        return template.contains(CommandMacro.ARGS_JSON_FILE.token());
    }

    /**
     * The argv that runs a trial with {@code params} (a configuration as search suggests it).
     *
     * @throws SweeperException when {@code ${envvar:NAME}} names a variable that is not set
     * @throws IllegalArgumentException when the command uses {@code ${args_json_file}} and the
     *                                  environment gives no file for it
     */
    public List<String> expand(Map<String, Object> params, CommandEnvironment environment) {
        List<String> argv = new ArrayList<>();
        for (String item : template) {
            Optional<CommandMacro> macro = CommandMacro.ofItem(item);
            if (macro.isPresent()) {
                argv.addAll(expand(macro.get(), params, environment));
            } else {
                argv.add(withEnvironmentVariables(item, environment));
            }
        }
        return List.copyOf(argv);
    }

    private List<String> expand(CommandMacro macro, Map<String, Object> params, CommandEnvironment environment) {
        return switch (macro) {
            case ENV -> System.getProperty("os.name", "").startsWith("Windows") ? List.of() : List.of(ENV_COMMAND);
            case INTERPRETER -> List.of(environment.interpreter());
            case PROGRAM -> List.of(program.orElseThrow(() -> new SweeperException(
                    "the sweep names no program; run it with `sweeper run FILE --program train.py`")));
            case ARGS -> flags(params, "--", false);
            case ARGS_NO_HYPHENS -> flags(params, "", false);
            case ARGS_NO_BOOLEAN_FLAGS -> flags(params, "--", true);
            case ARGS_JSON -> List.of(argsJson(params));
            case ARGS_JSON_FILE -> List.of(environment.argsJsonFile().orElseThrow(() -> new IllegalArgumentException(
                    "the command uses ${args_json_file}: write argsJson(params) to a file and pass its path")).toString());
        };
    }

    private static List<String> flags(Map<String, Object> params, String prefix, boolean booleansAsSwitches) {
        List<String> flags = new ArrayList<>();
        params.forEach((key, value) -> {
            if (booleansAsSwitches && value instanceof Boolean on) {
                if (on) {
                    flags.add(prefix + key);
                }
            } else {
                flags.add(prefix + key + "=" + PythonText.str(value));
            }
        });
        return flags;
    }

    private static String withEnvironmentVariables(String item, CommandEnvironment environment) {
        Matcher m = CommandMacro.ENVIRONMENT_VARIABLE.matcher(item);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = environment.variables().get(name);
            if (value == null) {
                throw new SweeperException("the sweep's command uses ${envvar:" + name + "} but the environment variable "
                        + name + " is not set; set it before starting the sweep");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The parameters as one JSON object: what {@code ${args_json}} passes and {@code ${args_json_file}} holds. */
    public static String argsJson(Map<String, Object> params) {
        try {
            return JSON.writeValueAsString(params);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("parameters that cannot be written as JSON: " + params, e);
        }
    }
}
