package io.sweeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sweeper.testing.RunsFolders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MLflow server goes away in the middle of a sweep: the sweep goes on and says so once,
 * `show` and the end of `run` say what is pending, `sync` fails clearly while the server is down,
 * and once it is back `sync` delivers the backlog with every metric point there exactly once.
 */
class MlflowOutageIT {
    @TempDir
    Path dir;

    private MlflowServers.OwnServer server;

    @AfterEach
    void stopServer() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void writesMadeWhileTheServerIsDownArriveExactlyOnceAfterSync() throws Exception {
        MlflowServers.sharedUrl(); // runs where the MLflow tests run
        server = new MlflowServers.OwnServer(dir.resolve("mlflow"), 5097);
        server.start();
        Path sweep = SyntheticTrainer.sweep(dir, "outage", "[1, 2, 3]", 6, 1);
        String db = "jdbc:h2:file:" + dir.resolve("db");

        CompletableFuture<CliRun> running = CompletableFuture.supplyAsync(() -> CliRun.of("run", sweep.toString(), "--db", db,
                "--workers", "1", "--runs", dir.resolve("runs").toString(), "--mlflow", server.url()));
        waitForTheFirstEpoch();
        server.stop();
        CliRun run = running.get(5, TimeUnit.MINUTES);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err().lines().filter(l -> l.contains("is unreachable"))).as(run.err() + run.out()).hasSize(1);
        assertThat(run.err()).contains("`sweeper sync 1` delivers them later").doesNotContain("\tat ");
        assertThat(run.out()).containsPattern("MLflow: \\d+ write\\(s\\) pending; run `sweeper sync 1`");
        CliRun show = CliRun.of("show", "1", "--db", db);
        assertThat(show.out()).containsPattern("MLflow: \\d+ write\\(s\\) pending; run `sweeper sync 1`");
        assertThat(show.out()).contains("finished");

        CliRun syncWhileDown = CliRun.of("sync", "1", "--db", db);
        assertThat(syncWhileDown.exitCode()).isEqualTo(Main.USER_ERROR);
        assertThat(syncWhileDown.userError()).contains("MLflow at " + server.url() + " is unreachable")
                .contains("still pending").contains("sweeper sync 1");
        assertThat(syncWhileDown.hasStackTrace()).isFalse();

        server.start();
        CliRun sync = CliRun.of("sync", "1", "--db", db);
        assertThat(sync.exitCode()).as(sync.err()).isZero();
        assertThat(sync.out()).contains("none pending");
        assertThat(CliRun.of("show", "1", "--db", db).out()).contains("nothing pending");

        JsonNode mlflow = MlflowServers.inspect(server.url(), "outage");
        assertThat(MlflowServers.parentRun(mlflow).get("status").asText()).isEqualTo("FINISHED");
        List<JsonNode> children = MlflowServers.childRuns(mlflow);
        assertThat(children).hasSize(3);
        for (JsonNode child : children) {
            assertThat(child.get("status").asText()).isEqualTo("FINISHED");
            for (String metric : List.of("score", "loss")) {
                List<Integer> steps = new ArrayList<>();
                child.get("metrics").get(metric).forEach(m -> steps.add(m.get("step").asInt()));
                assertThat(steps).as(metric + " of " + child.get("name").asText()).containsExactly(1, 2, 3, 4, 5, 6);
            }
        }
    }

    /** Until the first trial reported an epoch: the outage then begins mid-sweep. */
    private void waitForTheFirstEpoch() throws Exception {
        for (int i = 0; i < 600 && !Files.exists(firstCheckpoint()); i++) {
            Thread.sleep(100);
        }
        assertThat(firstCheckpoint()).exists();
    }

    private Path firstCheckpoint() {
        return RunsFolders.trial(dir.resolve("runs"), 1, 0).resolve("best/weights.bin");
    }
}
