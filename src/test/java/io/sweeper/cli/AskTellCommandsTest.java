package io.sweeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sweeper.store.EpochMetrics;
import io.sweeper.store.Store;
import io.sweeper.store.SweepState;
import io.sweeper.store.TrialRow;
import io.sweeper.sweep.TrialState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `sweeper create`/`ask`/`report`/`tell` on a real H2 file: the answers, and mistakes that record nothing. */
class AskTellCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private String db;
    private String sweep;

    @BeforeEach
    void sweep() throws Exception {
        db = "jdbc:h2:file:" + dir.resolve("db");
        Path file = Files.writeString(dir.resolve("two.yaml"), """
                name: two
                method: grid
                metric: {name: val/acc, goal: maximize}
                parameters:
                  x: {values: [1, 2]}
                """);
        CliRun created = CliRun.of("create", file.toString(), "--db", db);
        assertThat(created.exitCode()).as(created.err()).isZero();
        sweep = created.out().strip();
    }

    private JsonNode ask(int expectedExit) throws Exception {
        CliRun run = CliRun.of("ask", sweep, "--db", db, "--runs", dir.resolve("runs").toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(expectedExit);
        return JSON.readTree(run.out());
    }

    @Test
    void askReportTellRunATrialAndTheLastAskFinishesTheSweep() throws Exception {
        JsonNode first = ask(0);
        JsonNode second = ask(0);
        assertThat(first.get("trial").asInt()).isZero();
        assertThat(first.get("params").get("x").asInt()).isEqualTo(1);
        assertThat(first.get("attempt").asInt()).isEqualTo(1);
        assertThat(first.get("trial_dir").asText()).endsWith("sweep-" + sweep + "/trial-0");
        String token = first.get("lease").get("token").asText();
        assertThat(token).isNotEqualTo(second.get("lease").get("token").asText());

        CliRun report = CliRun.of("report", sweep, "0", "--epoch", "1", "val/acc=0.5", "loss=NaN", "--lease-token", token, "--db", db);
        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(JSON.readTree(report.out()).get("stop").asBoolean()).isFalse();
        assertThat(CliRun.of("tell", sweep, "0", "finished", "val/acc=0.75", "--lease-token", token, "--db", db).exitCode()).isZero();
        assertThat(CliRun.of("tell", sweep, "1", "failed", "--reason", "out of patience",
                "--lease-token", second.get("lease").get("token").asText(), "--db", db).exitCode()).isZero();

        JsonNode last = ask(AskCommand.NOTHING_LEFT);
        assertThat(last.get("done").asBoolean()).isTrue();
        try (Store store = Store.open(db)) {
            long id = Long.parseLong(sweep);
            assertThat(store.findSweep(sweep).state()).isEqualTo(SweepState.FINISHED);
            TrialRow zero = store.trial(id, 0).orElseThrow();
            assertThat(zero.state()).isEqualTo(TrialState.FINISHED);
            assertThat(store.metrics(zero.id())).extracting(EpochMetrics::values)
                    .containsExactly(Map.of("val/acc", 0.75, "loss", Double.NaN));
            assertThat(store.trial(id, 1).orElseThrow().error()).contains("out of patience");
        }
    }

    @Test
    void mistakesAreOneLineAndRecordNothing() throws Exception {
        JsonNode first = ask(0);
        JsonNode second = ask(0);
        String mine = first.get("lease").get("token").asText();
        String theirs = second.get("lease").get("token").asText();

        CliRun notANumber = CliRun.of("report", sweep, "0", "--epoch", "1", "val/acc=0.5", "loss=high", "--lease-token", mine, "--db", db);
        CliRun notMine = CliRun.of("tell", sweep, "0", "finished", "--lease-token", theirs, "--db", db);
        CliRun noToken = CliRun.of("report", sweep, "0", "--epoch", "1", "val/acc=0.5", "--db", db);
        CliRun noTrial = CliRun.of("report", sweep, "7", "--epoch", "1", "val/acc=0.5", "--lease-token", mine, "--db", db);
        assertThat(CliRun.of("tell", sweep, "0", "finished", "--lease-token", mine, "--db", db).exitCode()).isZero();
        CliRun afterTell = CliRun.of("report", sweep, "0", "--epoch", "2", "val/acc=0.9", "--lease-token", mine, "--db", db);
        CliRun badState = CliRun.of("tell", sweep, "1", "done", "--lease-token", theirs, "--db", db);

        for (CliRun run : new CliRun[] {notANumber, notMine, noToken, noTrial, afterTell, badState}) {
            assertThat(run.exitCode()).as(run.err()).isEqualTo(Main.USER_ERROR);
            assertThat(run.err().lines()).hasSize(1);
            assertThat(run.out()).isEmpty();
        }
        assertThat(notANumber.userError()).contains("'loss=high': 'high' is not a number");
        assertThat(notMine.userError()).contains("trial 0 of sweep " + sweep + " is held by worker");
        assertThat(noToken.userError()).contains("SWEEPER_LEASE");
        assertThat(afterTell.userError()).contains("has already ended (finished); nothing recorded");
        try (Store store = Store.open(db)) {
            TrialRow zero = store.trial(Long.parseLong(sweep), 0).orElseThrow();
            assertThat(zero.state()).isEqualTo(TrialState.FINISHED);
            assertThat(store.metrics(zero.id())).as("neither the epoch with a bad value nor the one after tell").isEmpty();
            assertThat(store.trial(Long.parseLong(sweep), 1).orElseThrow().state()).isEqualTo(TrialState.RUNNING);
        }
    }

    @Test
    void aFailedTellIsACrashToTheRetryPolicy() throws Exception {
        Path file = Files.writeString(dir.resolve("retried.yaml"), """
                name: retried
                method: grid
                metric: {name: val/acc, goal: maximize}
                retry: {on: [crash], max_attempts: 2}
                parameters:
                  x: {values: [1]}
                """);
        String id = CliRun.of("create", file.toString(), "--db", db).out().strip();
        for (int attempt = 1; attempt <= 2; attempt++) {
            CliRun asked = CliRun.of("ask", id, "--db", db);
            JsonNode trial = JSON.readTree(asked.out());
            assertThat(trial.get("trial").asInt()).isZero();
            assertThat(trial.get("attempt").asInt()).isEqualTo(attempt);
            assertThat(CliRun.of("tell", id, "0", "failed", "--reason", "boom " + attempt,
                    "--lease-token", trial.get("lease").get("token").asText(), "--db", db).exitCode()).isZero();
        }

        try (Store store = Store.open(db)) {
            TrialRow trial = store.trial(Long.parseLong(id), 0).orElseThrow();
            assertThat(trial.state()).isEqualTo(TrialState.FAILED);
            assertThat(trial.error()).contains("boom 2");
            assertThat(store.events(Long.parseLong(id))).extracting(e -> e.message())
                    .anySatisfy(m -> assertThat(m).contains("running -> queued (crash on attempt 1 of 2: boom 1)"));
        }
    }
}
