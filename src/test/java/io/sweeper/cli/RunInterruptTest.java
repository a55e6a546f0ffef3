package io.sweeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sweeper.store.Store;
import io.sweeper.store.SweepState;
import io.sweeper.store.TrialRow;
import io.sweeper.sweep.TrialState;
import io.sweeper.testing.ScriptSweeps;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `sweeper run` as a real process, stopped the way Ctrl-C or `kill` stops it (a signal that runs
 * the JVM's shutdown hooks): the running trial is recorded as cancelled with the epochs it
 * reported, and `sweeper resume` finishes the sweep.
 */
class RunInterruptTest {
    @TempDir
    Path dir;

    @Test
    void aSignalStopsCleanlyAndResumeFinishesTheSweep() throws Exception {
        Path script = dir.resolve("slow.sh");
        Files.writeString(script, """
                x=${1#--x=}
                for e in 1 2 3 4 5 6; do echo "{\\"epoch\\": $e, \\"score\\": $((e * x))}"; sleep 0.4; done
                """);
        Path sweep = dir.resolve("slow.yaml");
        Files.writeString(sweep, ScriptSweeps.grid("slow", script, "x: {values: [1, 2, 3]}"));
        String db = "jdbc:h2:file:" + dir.resolve("db");

        Process run = sweeper("run", sweep.toString(), "--db", db, "--workers", "1", "--runs", dir.resolve("runs").toString());
        BufferedReader out = new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.startsWith("trial 1 started")) {
            // wait until the second trial runs
        }
        assertThat(line).as("the sweep got to its second trial").isNotNull();
        Thread.sleep(900); // a couple of its epochs
        run.destroy(); // SIGTERM: the JVM runs its shutdown hooks, as for Ctrl-C (SIGINT)
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();

        try (Store store = Store.open(db)) {
            long id = store.findSweep("slow").id();
            assertThat(store.findSweep("slow").state()).isEqualTo(SweepState.CANCELLED);
            List<TrialRow> trials = store.trials(id);
            TrialRow first = trials.stream().filter(t -> t.number() == 0).findFirst().orElseThrow();
            TrialRow second = trials.stream().filter(t -> t.number() == 1).findFirst().orElseThrow();
            assertThat(first.state()).isEqualTo(TrialState.FINISHED);
            assertThat(second.state()).isEqualTo(TrialState.CANCELLED);
            assertThat(store.metrics(second.id())).as("what was recorded stays recorded").isNotEmpty();
        }

        Process resume = sweeper("resume", "slow", "--db", db, "--workers", "1", "--runs", dir.resolve("runs").toString());
        String resumed = new String(resume.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(resume.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(resume.exitValue()).as(resumed).isZero();
        assertThat(resumed).contains("trial 1 started", "best: trial 2, score 18.0000 at epoch 6");
        try (Store store = Store.open(db)) {
            long id = store.findSweep("slow").id();
            assertThat(store.trials(id)).hasSize(3).extracting(TrialRow::state).containsOnly(TrialState.FINISHED);
            assertThat(store.findSweep("slow").state()).isEqualTo(SweepState.FINISHED);
        }
    }

    private Process sweeper(String... args) throws Exception {
        return SweeperProcess.builder(dir, args).redirectError(dir.resolve("stderr-" + args[0] + ".log").toFile()).start();
    }
}
