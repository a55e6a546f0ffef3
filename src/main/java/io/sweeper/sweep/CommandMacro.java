package io.sweeper.sweep;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The macros of W&amp;B's {@code command:} list. As in W&amp;B's agent, a macro is replaced only when it
 * is a whole item, and an args macro stands for several argv entries; {@code ${envvar:NAME}} is
 * replaced anywhere inside an item.
 */
enum CommandMacro {
    ENV("env"),
    INTERPRETER("interpreter"),
    PROGRAM("program"),
    ARGS("args"),
    ARGS_NO_HYPHENS("args_no_hyphens"),
    ARGS_NO_BOOLEAN_FLAGS("args_no_boolean_flags"),
    ARGS_JSON("args_json"),
    ARGS_JSON_FILE("args_json_file");

    /** W&amp;B's pattern: upper-case names only; anything else is left as text by W&amp;B. */
    static final Pattern ENVIRONMENT_VARIABLE = Pattern.compile("\\$\\{envvar:([A-Z0-9_]*)}");
    /** Anything that looks like a macro, for validating a command. */
    static final Pattern ANY = Pattern.compile("\\$\\{([^}]*)}");

    private final String name;

    CommandMacro(String name) {
        this.name = name;
    }

    String token() {
        return "${" + name + "}";
    }

    /** The macro an item consists of, if it is exactly one. */
    static Optional<CommandMacro> ofItem(String item) {
        return Arrays.stream(values()).filter(m -> m.token().equals(item)).findFirst();
    }

    static List<String> tokens() {
        return Arrays.stream(values()).map(CommandMacro::token).toList();
    }
}
