package io.sweeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real sweep mirrored into a real MLflow server, checked with MLflow's own Python client: the
 * experiment, one parent run, exactly one child run per trial under it, their params, full
 * per-epoch metric histories, tags, statuses and artifacts.
 */
class MlflowMirrorIT {
    @TempDir
    Path dir;

    @Test
    void aSweepAppearsInMlflowAsAParentRunWithOneChildRunPerTrial() throws Exception {
        String url = MlflowServers.sharedUrl();
        String name = "mirror-" + UUID.randomUUID();
        Path sweep = SyntheticTrainer.sweep(dir, name, "[1, 2, 3]", 5, 0);
        String db = "jdbc:h2:file:" + dir.resolve("db");

        CliRun run = CliRun.of("run", sweep.toString(), "--db", db, "--workers", "2", "--runs", dir.resolve("runs").toString(),
                "--mlflow", url);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("MLflow: every write delivered");
        JsonNode mlflow = MlflowServers.inspect(url, name);
        JsonNode parent = MlflowServers.parentRun(mlflow);
        assertThat(parent.get("name").asText()).isEqualTo(name);
        assertThat(parent.get("status").asText()).isEqualTo("FINISHED");
        assertThat(parent.get("params").get("lr").asText()).isEqualTo("0.1");
        assertThat(parent.get("params").get("opt.momentum").asText()).isEqualTo("0.9");
        assertThat(parent.get("params").has("x")).as("a searched parameter is not a sweep param").isFalse();
        assertThat(parent.get("tags").get("sweeper.method").asText()).isEqualTo("grid");
        assertThat(parent.get("tags").get("sweeper.metric").asText()).isEqualTo("score");
        assertThat(parent.get("tags").get("sweeper.best_trial").asText()).isEqualTo("2");
        assertThat(parent.get("metrics").get("best_score").findValuesAsText("value")).last().isEqualTo("15.0");
        assertThat(textList(parent.get("artifacts"))).containsExactly("sweep.yaml");

        List<JsonNode> children = MlflowServers.childRuns(mlflow);
        assertThat(children).hasSize(3);
        for (JsonNode child : children) {
            int number = child.get("tags").get("sweeper.trial").asInt();
            int x = number + 1;
            assertThat(child.get("name").asText()).isEqualTo(name + "-trial-" + number);
            assertThat(child.get("tags").get("mlflow.parentRunId").asText()).isEqualTo(parent.get("run_id").asText());
            assertThat(child.get("status").asText()).isEqualTo("FINISHED");
            assertThat(child.get("tags").get("sweeper.state").asText()).isEqualTo("finished");
            assertThat(child.get("tags").get("sweeper.worker").asText()).isNotBlank();
            assertThat(child.get("params").get("x").asText()).isEqualTo(Integer.toString(x));
            assertThat(child.get("params").get("opt.kind").asText()).isEqualTo("sgd");
            List<String> steps = new ArrayList<>();
            List<Double> scores = new ArrayList<>();
            child.get("metrics").get("score").forEach(m -> {
                steps.add(m.get("step").asText());
                scores.add(m.get("value").asDouble());
            });
            assertThat(steps).containsExactly("1", "2", "3", "4", "5");
            assertThat(scores).containsExactly(1.0 * x, 2.0 * x, 3.0 * x, 4.0 * x, 5.0 * x);
            assertThat(child.get("metrics").get("loss")).hasSize(5);
            assertThat(textList(child.get("artifacts"))).containsExactly("checkpoint/model.json", "checkpoint/weights.bin");
        }
        assertThat(Files.readString(dir.resolve("runs/sweep-1/trial-0/best/weights.bin"))).isEqualTo("w5\n");
    }

    private static List<String> textList(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }
}
