package io.sweeper.testing;

import java.nio.file.Path;

/** Sweep files whose trials run a test's own bash script, which reports the metric {@code score} as JSON lines. */
public final class ScriptSweeps {
    private ScriptSweeps() {
    }

    /**
     * A grid sweep maximising {@code score}, whose trials run {@code bash SCRIPT --name=value …}.
     *
     * @param parameters the lines under {@code parameters:}, each but the first indented by two spaces
     */
    public static String grid(String name, Path script, String parameters) {
        return """
                name: %s
                method: grid
                metric: {name: score, goal: maximize}
                command:
                  - bash
                  - %s
                  - ${args}
                parameters:
                  %s
                """.formatted(name, script, parameters);
    }
}
