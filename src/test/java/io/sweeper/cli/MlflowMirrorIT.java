package io.sweeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sweeper.testing.HeadlessChromium;
import io.sweeper.testing.HeadlessChromium.Page;
import io.sweeper.testing.RunsFolders;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real sweep mirrored into a real MLflow server, checked with MLflow's own Python client: the
 * experiment, one parent run, exactly one child run per trial under it, their params, full
 * per-epoch metric histories, tags, statuses and artifacts; and the MLflow UI in headless
 * Chromium showing the sweep's run and its trials.
 */
class MlflowMirrorIT {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    Path dir;

    @Test
    void aSweepAppearsInMlflowAsAParentRunWithOneChildRunPerTrial() throws Exception {
        String url = MlflowServers.sharedUrl();
        String name = "mirror-" + UUID.randomUUID();
        Path sweep = SyntheticTrainer.sweep(dir, name, "[1, 2, 3]", 5, 0);
        String db = "jdbc:h2:file:" + dir.resolve("db");

        CliRun run = CliRun.of("run", sweep.toString(), "--db", db, "--workers", "2", "--runs", dir.resolve("runs").toString(),
                "--mlflow", url, "--dashboard", dir.resolve("dashboard.html").toString());

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
        assertThat(textList(parent.get("artifacts"))).containsExactly("dashboard.html", "sweep.yaml");
        assertThat(mlflow.get("experiment_tags").get("mlflow.experimentKind").asText())
                .as("MLflow 3 opens the experiment on its runs, not its GenAI overview").isEqualTo("custom_model_development");

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
            assertThat(textList(child.get("artifacts"))).containsExactlyInAnyOrder(
                    "checkpoint/model.json", "checkpoint/weights.bin", "plots/learning-curve.png");
        }
        assertThat(Files.readString(RunsFolders.trial(dir.resolve("runs"), 1, 0).resolve("best/weights.bin"))).isEqualTo("w5\n");

        assertTheUiShowsTheSweep(url, mlflow.get("experiment_id").asText(), name, parent, children);
    }

    /**
     * The MLflow UI, rendered by headless Chromium, shows the sweep's run with its trials nested
     * (collapsed: the trials get no row of their own), and every trial once sorted by name (any
     * sort but start time turns MLflow's nesting off). Screenshots stay in target/screenshots/.
     */
    private static void assertTheUiShowsTheSweep(String url, String experimentId, String name, JsonNode parent,
            List<JsonNode> children) throws Exception {
        Function<JsonNode, String> link = run -> "href=\"#/experiments/" + experimentId + "/runs/"
                + run.get("run_id").asText() + "\"";
        HeadlessChromium chromium = HeadlessChromium.installed();
        Path nestedShot = SCREENSHOTS.resolve("mlflow-ui-nested.png");
        Page nested = chromium.render(url + "/#/experiments/" + experimentId, nestedShot,
                dom -> dom.contains(link.apply(parent)));
        assertThat(nested.dom()).contains(link.apply(parent), ">" + name + "<");
        children.forEach(child -> assertThat(nested.dom()).doesNotContain(link.apply(child)));
        assertScreenshot(nestedShot);

        Path allShot = SCREENSHOTS.resolve("mlflow-ui.png");
        Page all = chromium.render(url + "/#/experiments/" + experimentId
                + "?orderByKey=tags.%60mlflow.runName%60&orderByAsc=true", allShot,
                dom -> children.stream().allMatch(child -> dom.contains(link.apply(child))));
        assertThat(all.dom()).contains(link.apply(parent), ">" + name + "<");
        for (JsonNode child : children) {
            assertThat(all.dom()).contains(link.apply(child), ">" + child.get("name").asText() + "<");
        }
        assertScreenshot(allShot);
    }

    private static void assertScreenshot(Path screenshot) throws Exception {
        BufferedImage image = ImageIO.read(screenshot.toFile());
        assertThat(image).as("screenshot %s", screenshot).isNotNull();
        assertThat(image.getWidth()).isEqualTo(HeadlessChromium.WIDTH);
        assertThat(image.getHeight()).isEqualTo(HeadlessChromium.HEIGHT);
    }

    private static List<String> textList(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }
}
