package io.sweeper.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.sweeper.testing.HeadlessChromium;
import io.sweeper.testing.HeadlessChromium.Page;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.mlflow.api.proto.Service.CreateRun;
import org.mlflow.api.proto.Service.RunTag;
import org.mlflow.tracking.MlflowClient;

/**
 * A sweep as the MLflow UI shows it, rendered by headless Chromium against a real tracking
 * server (SWEEPER_TEST_MLFLOW_URL): one experiment, the sweep's parent run, its trials as child
 * runs. The screenshots stay in target/screenshots/ for a human to look at.
 */
@EnabledIfEnvironmentVariable(named = "SWEEPER_TEST_MLFLOW_URL", matches = ".+")
class MlflowUiIT {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String PARENT_TAG = "mlflow.parentRunId";

    private final String server = System.getenv("SWEEPER_TEST_MLFLOW_URL").replaceAll("/+$", "");
    private MlflowClient client;
    private String experimentId;
    private String sweepRun;
    private final List<String> trialRuns = new ArrayList<>();
    private String sweepName;

    @BeforeEach
    void createSweepExperiment() {
        client = new MlflowClient(server);
        sweepName = "ui-test-" + UUID.randomUUID().toString().substring(0, 8);
        experimentId = client.createExperiment(sweepName);
        sweepRun = createRun(sweepName, List.of());
        for (int trial = 1; trial <= 3; trial++) {
            String run = createRun(sweepName + "-trial-" + trial, List.of(tag(PARENT_TAG, sweepRun)));
            for (int epoch = 1; epoch <= 3; epoch++) {
                client.logMetric(run, "val_accuracy", 0.5 + 0.1 * trial + 0.01 * epoch, System.currentTimeMillis(), epoch);
            }
            client.setTerminated(run);
            trialRuns.add(run);
        }
        client.setTerminated(sweepRun);
    }

    @AfterEach
    void close() {
        client.close();
    }

    private String createRun(String name, List<RunTag> tags) {
        return client.createRun(CreateRun.newBuilder().setExperimentId(experimentId).setRunName(name)
                .setStartTime(System.currentTimeMillis()).addAllTags(tags).build()).getRunId();
    }

    private static RunTag tag(String key, String value) {
        return RunTag.newBuilder().setKey(key).setValue(value).build();
    }

    /** How the runs table links a run: every row's name is this link. */
    private String link(String runId) {
        return "href=\"#/experiments/" + experimentId + "/runs/" + runId + "\"";
    }

    @Test
    void theExperimentPageNestsTheTrialsUnderTheSweepRun() throws Exception {
        Path screenshot = SCREENSHOTS.resolve("mlflow-ui-nested.png");
        Page page = HeadlessChromium.installed().render(server + "/#/experiments/" + experimentId, screenshot,
                dom -> dom.contains(link(sweepRun)));

        // Children are grouped under their parent, collapsed: proof that mlflow.parentRunId took.
        assertThat(page.dom()).contains(link(sweepRun), ">" + sweepName + "<");
        trialRuns.forEach(run -> assertThat(page.dom()).doesNotContain(link(run)));
        assertScreenshot(screenshot);
    }

    @Test
    void sortedByNameTheExperimentPageListsTheSweepRunAndEveryTrial() throws Exception {
        // Any sort other than by start time turns MLflow's nesting off, so every run gets a row.
        String url = server + "/#/experiments/" + experimentId + "?orderByKey=tags.%60mlflow.runName%60&orderByAsc=true";
        Path screenshot = SCREENSHOTS.resolve("mlflow-ui.png");
        Page page = HeadlessChromium.installed().render(url, screenshot,
                dom -> trialRuns.stream().allMatch(run -> dom.contains(link(run))));

        assertThat(page.dom()).contains(link(sweepRun), ">" + sweepName + "<");
        for (int trial = 1; trial <= trialRuns.size(); trial++) {
            assertThat(page.dom()).contains(link(trialRuns.get(trial - 1)), ">" + sweepName + "-trial-" + trial + "<");
        }
        assertScreenshot(screenshot);
    }

    private static void assertScreenshot(Path screenshot) throws Exception {
        BufferedImage image = ImageIO.read(screenshot.toFile());
        assertThat(image).as("screenshot %s", screenshot).isNotNull();
        assertThat(image.getWidth()).isEqualTo(HeadlessChromium.WIDTH);
        assertThat(image.getHeight()).isEqualTo(HeadlessChromium.HEIGHT);
    }
}
