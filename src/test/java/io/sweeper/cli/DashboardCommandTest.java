package io.sweeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sweeper.store.Store;
import io.sweeper.sweep.Goal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `sweeper dashboard` on bad input: one line naming what is wrong, exit 2, no stack trace, no file. */
class DashboardCommandTest {
    @TempDir
    Path dir;

    @Test
    void anUnknownSweepIsOneLine() {
        String db = "jdbc:h2:file:" + dir.resolve("db");
        CliRun run = CliRun.of("dashboard", "42", "--db", db, "-o", dir.resolve("page.html").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.userError()).contains("42");
        assertThat(run.hasStackTrace()).isFalse();
        assertThat(dir.resolve("page.html")).doesNotExist();
    }

    @Test
    void anUnwritableOutputIsOneLine() throws Exception {
        String db = "jdbc:h2:file:" + dir.resolve("db");
        try (Store store = Store.open(db)) {
            store.createSweep("s", "name: s\nmethod: random\nmetric: {name: score, goal: maximize}\ncommand: [bash, x.sh]\n"
                    + "parameters:\n  x: {min: 0.0, max: 1.0}\n", "random", "score", Goal.MAXIMIZE);
        }
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        CliRun run = CliRun.of("dashboard", "s", "--db", db, "-o", file.resolve("page.html").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.userError()).contains("cannot write the dashboard to " + file.resolve("page.html"), "-o FILE");
        assertThat(run.hasStackTrace()).isFalse();
    }
}
