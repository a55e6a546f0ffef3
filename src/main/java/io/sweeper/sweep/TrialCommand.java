package io.sweeper.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sweeper.SweeperException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code sweeper run FILE --program P} or {@code sweeper run FILE -- COMMAND…} adds to a
 * function-based sweep file (one whose command runs {@code ${program}} and that names none): the
 * file's text with a {@code program:} or {@code command:} line appended. The amended text is what
 * the store keeps, so {@code resume} and {@code agent} run the same trials as the first process.
 */
public final class TrialCommand {
    /** Macros that pass the parameters; a {@code -- COMMAND} without one gets {@code ${args}}, W&amp;B's default. */
    private static final Set<CommandMacro> PARAMETER_MACROS = EnumSet.of(CommandMacro.ARGS, CommandMacro.ARGS_NO_HYPHENS,
            CommandMacro.ARGS_NO_BOOLEAN_FLAGS, CommandMacro.ARGS_JSON, CommandMacro.ARGS_JSON_FILE);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How a function-based sweep runs; the one line {@code validate} and {@code run} say it in. */
    public static final String HOW_TO_RUN = "the sweep names no program (a function-based sweep): run it with"
            + " `sweeper run FILE --program train.py`, `sweeper run FILE -- COMMAND…`, or create it with"
            + " `sweeper create FILE` and run trials from your own code (`sweeper ask`/`report`/`tell`, or the Python"
            + " client in clients/python)";

    private TrialCommand() {
    }

    /**
     * The sweep {@code run} runs: {@code loaded} itself when nothing is given and the file has a
     * program, else the file amended with {@code program} or {@code command}.
     *
     * @throws SweeperException when the file names no program and nothing is given, when both are
     *                          given, or when the file already has what is given
     */
    public static LoadedSweep apply(LoadedSweep loaded, Optional<String> program, List<String> command) {
        SweepSpec spec = loaded.spec();
        if (program.isPresent() && !command.isEmpty()) {
            throw new SweeperException("give --program or -- COMMAND…, not both");
        }
        if (program.isEmpty() && command.isEmpty()) {
            if (spec.command().lacksProgram()) {
                throw new SweeperException(spec.source() + ": " + HOW_TO_RUN.replace("FILE", spec.source()));
            }
            return loaded;
        }
        String line;
        if (program.isPresent()) {
            if (spec.command().program().isPresent()) {
                throw new SweeperException(spec.source() + ": already names program: " + spec.command().program().get()
                        + "; drop --program, or edit the file");
            }
            line = "program: " + json(program.get());
        } else {
            if (!spec.command().isDefault()) {
                throw new SweeperException(spec.source() + ": already has a command: list; drop -- COMMAND…, or edit the file");
            }
            List<String> items = new ArrayList<>(command);
            if (items.stream().map(CommandMacro::ofItem).flatMap(Optional::stream).noneMatch(PARAMETER_MACROS::contains)) {
                items.add(CommandMacro.ARGS.token());
            }
            line = "command: " + json(items);
        }
        String text = spec.yamlText().endsWith("\n") || spec.yamlText().isEmpty() ? spec.yamlText() : spec.yamlText() + "\n";
        // JSON is YAML: the value needs no quoting rules of its own
        return SweepFiles.parse(text + "# added by `sweeper run`\n" + line + "\n", spec.source());
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
