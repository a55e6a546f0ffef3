package io.sweeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sweeper.testing.ScriptSweeps;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parameter values, a sweep's name and a trial's error output holding an escape sequence or a
 * newline, through the real `run`, `show`, `ls`, `best` and an error message: the terminal gets
 * them escaped ({@code \e}, {@code \n}), never raw, and no value makes a line of its own.
 */
class ControlCharactersTest {
    private static final char ESC = '\u001b';

    @TempDir
    Path dir;

    @Test
    void userStringsArePrintedEscaped() throws Exception {
        Path script = dir.resolve("trial.sh");
        Files.writeString(script, """
                case "$1" in
                  *boom*) printf 'failed \\033[2J badly\\n' >&2; exit 3 ;;
                  *) echo '{"epoch": 1, "score": 1}' ;;
                esac
                """);
        Path sweep = dir.resolve("escapes.yaml");
        // YAML double quotes: \\e is ESC and \\n a newline in the values sweeper reads
        Files.writeString(sweep, ScriptSweeps.grid("\"\\e[1mbold\"", script,
                "label: {values: [\"\\e[31mred\", \"two\\nlines\", \"boom\"]}"));
        String db = "jdbc:h2:file:" + dir.resolve("db");

        CliRun run = CliRun.of("run", sweep.toString(), "--db", db, "--workers", "1", "--runs", dir.resolve("runs").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertEscaped(run.out() + run.err());
        assertThat(run.out()).contains("label=\\e[31mred", "label=two\\nlines", "failed \\e[2J badly", "(\\e[1mbold)");

        CliRun show = CliRun.of("show", "1", "--db", db);
        assertThat(show.exitCode()).as(show.err()).isZero();
        assertEscaped(show.out());
        assertThat(show.out()).contains("sweep \\e[1mbold (id 1)", "label=\\e[31mred", "label=two\\nlines");

        CliRun ls = CliRun.of("ls", "--db", db);
        assertEscaped(ls.out());
        assertThat(ls.out()).contains("\\e[1mbold");

        CliRun best = CliRun.of("best", "1", "--db", db);
        assertEscaped(best.out());
        assertThat(best.out()).startsWith("# best configuration: trial 0 of sweep \\e[1mbold (id 1)");

        CliRun unknown = CliRun.of("show", ESC + "[31mnope\nsweeper: forged", "--db", db);
        assertThat(unknown.exitCode()).isEqualTo(Main.USER_ERROR);
        assertEscaped(unknown.err());
        assertThat(unknown.err().lines()).hasSize(1);
    }

    /** No raw ESC, and no line that starts with what followed a newline inside a value. */
    private static void assertEscaped(String output) {
        assertThat(output).doesNotContain(String.valueOf(ESC));
        assertThat(output.lines()).noneMatch(line -> line.startsWith("lines")).noneMatch(line -> line.contains("forged")
                && !line.contains("\\n"));
    }
}
