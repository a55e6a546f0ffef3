package io.sweeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sweeper.store.Store;
import io.sweeper.store.SweepRow;
import io.sweeper.store.SweepState;
import io.sweeper.store.TrialRow;
import io.sweeper.sweep.TrialState;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A W&B function-based sweep file (no program, no command, metric {@code val/acc}) run by
 * `sweeper run FILE --program P` and `-- COMMAND…`: real Python and bash programs, the real H2 file,
 * and the slash in the metric's name through recording, `show` and `best`.
 */
class FunctionSweepRunIT {
    @TempDir
    Path dir;

    private String db() {
        return "jdbc:h2:file:" + dir.resolve("db");
    }

    private Path sweepFile() throws Exception {
        String text = Files.readString(StoredSweeps.resource("sweeps/good/wandb-function-val-acc.yaml"))
                .replace("method: bayes", "method: random\nrun_cap: 3\nname: fn");
        return Files.writeString(dir.resolve("fn.yaml"), text);
    }

    @Test
    void runsWithAProgramUnderWandbsDefaultCommand() throws Exception {
        Path program = Files.writeString(dir.resolve("train.py"), """
                import json, sys
                args = dict(a[2:].split("=", 1) for a in sys.argv[1:])
                lr = float(args["learning_rate"])
                for epoch in (1, 2):
                    print(json.dumps({"epoch": epoch, "val/acc": 1 - lr / epoch}))
                """);

        CliRun run = CliRun.of("run", sweepFile().toString(), "--program", program.toString(), "--workers", "1",
                "--db", db(), "--runs", dir.resolve("runs").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertAllFinishedWithValAcc();
        CliRun best = CliRun.of("best", "fn", "--db", db());
        assertThat(best.out()).contains("val/acc").contains("learning_rate: ");
        assertThat(CliRun.of("show", "fn", "--db", db()).out()).contains("val/acc", "3 finished");
    }

    @Test
    void runsWithACommandGivenAfterDoubleDash() throws Exception {
        Path script = Files.writeString(dir.resolve("train.sh"), """
                echo "{\\"val/acc\\": 0.5, \\"args\\": \\"$*\\"}"
                """);

        CliRun run = CliRun.of("run", sweepFile().toString(), "--workers", "1", "--db", db(),
                "--runs", dir.resolve("runs").toString(), "--", "bash", script.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertAllFinishedWithValAcc();
    }

    @Test
    void withoutProgramOrCommandRunSaysHowAndRecordsNothing() throws Exception {
        CliRun run = CliRun.of("run", sweepFile().toString(), "--db", db());

        assertThat(run.exitCode()).isEqualTo(Main.USER_ERROR);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.userError()).contains("--program train.py", "sweeper ask");
        try (Store store = Store.open(db())) {
            assertThat(store.listSweeps()).isEmpty();
        }
    }

    private void assertAllFinishedWithValAcc() {
        try (Store store = Store.open(db())) {
            SweepRow sweep = store.findSweep("fn");
            assertThat(sweep.state()).isEqualTo(SweepState.FINISHED);
            assertThat(sweep.metricName()).isEqualTo("val/acc");
            assertThat(store.trials(sweep.id())).hasSize(3).allSatisfy(t -> {
                assertThat(t.state()).isEqualTo(TrialState.FINISHED);
                assertThat(t.bestValue()).isPresent();
                assertThat(store.metrics(t.id()).get(0).values()).containsKey("val/acc");
            });
            TrialRow best = store.bestTrial(sweep.id()).orElseThrow();
            assertThat(best.bestValue()).isPresent();
        }
    }
}
