package io.sweeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sweeper.store.Store;
import io.sweeper.store.SweepRow;
import io.sweeper.store.TrialRow;
import io.sweeper.sweep.Goal;
import io.sweeper.sweep.TrialState;
import io.sweeper.testing.ChromiumPage;
import io.sweeper.testing.TrainerSweeps;
import io.sweeper.train.data.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard of real sweeps, opened in headless Chromium over the DevTools protocol: a
 * {@code command:} sweep of a bash script (random search with Hyperband, 16 trials, named
 * {@code <script>alert(1)</script>}) and a tiny sweep of the built-in trainer (LeNet, 3 classes of
 * 10 images, 2 epochs). Each panel is checked against the store: its rows, its series, its points.
 * Screenshots of the whole pages stay in target/screenshots/.
 */
class DashboardPageIT {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String NAME = "<script>alert(1)</script>";
    private static final int TRIALS = 16;

    @TempDir
    static Path dir;
    static String db;
    static ChromiumPage page;
    static SweepRow sweep;
    static List<TrialRow> trials;

    @BeforeAll
    static void runASweepAndOpenItsPage() throws Exception {
        Path script = dir.resolve("train.sh");
        // score peaks at lr = 10^-2.5 and x = 0.5; adam adds a little; each epoch gets closer
        Files.writeString(script, """
                for a in "$@"; do case $a in --lr=*) lr=${a#*=};; --x=*) x=${a#*=};; --opt=*) opt=${a#*=};; esac; done
                awk -v lr="$lr" -v x="$x" -v opt="$opt" 'BEGIN { l = log(lr) / log(10);
                  peak = 1 - 0.1 * (l + 2.5) ^ 2 - 0.4 * (x - 0.5) ^ 2 + (opt == "adam" ? 0.02 : 0);
                  for (e = 1; e <= 6; e++) printf "{\\"score\\": %.6f}\\n", peak * (1 - exp(-e / 2)) }'
                """);
        Path file = dir.resolve("sweep.yaml");
        Files.writeString(file, """
                name: '%s'
                method: random
                run_cap: %d
                metric: {name: score, goal: maximize}
                early_terminate: {type: hyperband, min_iter: 2, eta: 2}
                command: [bash, %s, "${args}"]
                parameters:
                  lr: {distribution: log_uniform_values, min: 0.0001, max: 0.1}
                  x: {distribution: uniform, min: 0, max: 1}
                  opt: {values: [sgd, adam]}
                  batch: {value: 64}
                """.formatted(NAME, TRIALS, script));
        db = "jdbc:h2:file:" + dir.resolve("db");
        CliRun run = CliRun.of("run", file.toString(), "--db", db, "--workers", "2", "--runs", dir.resolve("runs").toString(),
                "--dashboard", dir.resolve("live.html").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        CliRun dashboard = CliRun.of("dashboard", "1", "--db", db, "-o", dir.resolve("page.html").toString());
        assertThat(dashboard.exitCode()).as(dashboard.err()).isZero();
        try (Store store = Store.open(db)) {
            sweep = store.findSweep("1");
            trials = store.trials(1);
        }
        page = ChromiumPage.start(1400, 900);
        page.navigate(dir.resolve("page.html").toUri().toString());
    }

    @AfterAll
    static void closeTheBrowser() throws Exception {
        if (page != null) {
            page.close();
        }
    }

    @Test
    void everyPanelIsDrawnFromTheSweepWithoutErrorsOrNetwork() throws Exception {
        assertThat(page.evaluate("document.body.dataset.rendered").asText()).isEqualTo("true");
        page.screenshot(SCREENSHOTS.resolve("dashboard-command-sweep.png"));
        assertThat(page.errors()).as("console errors, exceptions, CSP violations").isEmpty();
        assertThat(page.requests()).as("requests other than the file itself and inline data")
                .allMatch(url -> url.startsWith("file:") || url.startsWith("data:"));

        List<TrialRow> ranked = trials.stream().filter(t -> t.state().ranksForBest() && t.bestValue().isPresent()).toList();
        assertThat(ranked).hasSizeGreaterThan(10);
        assertThat(count("#leaderboard-1 tbody tr")).isEqualTo(TRIALS);
        assertThat(texts("#leaderboard-1 thead th")).containsExactly("#", "state", "score", "at epoch", "epochs", "time",
                "lr", "x", "opt", "error");
        assertThat(text("#leaderboard-1 p.note")).isEqualTo("Same in every trial: batch = 64");
        assertThat(count("#leaderboard-1 tbody tr.state-pruned"))
                .isEqualTo((int) trials.stream().filter(t -> t.state() == TrialState.PRUNED).count());
        TrialRow best = ranked.get(0);
        assertThat(text("#leaderboard-1 tbody tr:first-child td:first-child")).isEqualTo(Integer.toString(best.number()));
        assertThat(text("#header-1 pre.yaml")).contains("# best configuration: trial " + best.number());

        assertThat(seriesCount("history-number")).isEqualTo(2);
        assertThat(points("history-number", 0)).isEqualTo(ranked.size());
        assertThat(points("history-time", 0)).isEqualTo(ranked.size());
        assertThat(points("edf", 0)).isEqualTo(ranked.size());
        // two background series (others, pruned) and one per top-10 trial; Hyperband's rungs marked
        assertThat(seriesCount("curves-1")).isEqualTo(2 + 10);
        assertThat(page.evaluate("sweeperDashboard.charts['curves-1'].getOption().series[0].markLine.data.map(d => d.xAxis)"))
                .extracting(JsonNode::asInt).containsExactly(2, 4);
        assertThat(page.evaluate("sweeperDashboard.charts['parallel-1'].getOption().parallelAxis.map(a => a.type + ':' + a.name)"))
                .extracting(JsonNode::asText).containsExactly("log:lr", "value:x", "category:opt", "value:score");
        assertThat(points("parallel-1", 0)).isEqualTo(ranked.size());
        assertThat(texts("#importance-1 tbody td:first-child")).containsExactlyInAnyOrder("lr", "x", "opt");
        assertThat(text("#importance-1 p.caption")).contains("PED-ANOVA", "over " + finished() + " finished trials");
        assertThat(count("#slices-1 [data-chart]")).isEqualTo(3);
        assertThat(seriesCount("contour-1")).isEqualTo(2);
        int bars = page.evaluate("sweeperDashboard.charts['timeline-1'].getOption().series.reduce((n, s) => n + s.data.length, 0)").asInt();
        assertThat(bars).isEqualTo(TRIALS);
        assertThat(page.evaluate("sweeperDashboard.charts['timeline-1'].getOption().yAxis[0].data.length").asInt())
                .as("lanes: the two workers").isEqualTo(2);
        for (String id : List.of("best-curves-1", "confusion-1", "images-1")) {
            assertThat(page.evaluate("document.getElementById('" + id + "').dataset.empty").asText()).isEqualTo("true");
            assertThat(text("#" + id + " p.empty")).contains("runs its own program (command:)");
        }
    }

    @Test
    void aSweepNamedAsAScriptIsShownAsText() throws Exception {
        assertThat(page.evaluate("document.title").asText()).startsWith(NAME);
        assertThat(text("#title")).isEqualTo(NAME);
        assertThat(page.evaluate("document.scripts.length").asInt()).as("the page's own three").isEqualTo(3);
        assertThat(Files.readString(dir.resolve("page.html"))).doesNotContain(NAME);
        assertThat(page.errors()).isEmpty();
    }

    @Test
    void brushingTheMetricAxisFiltersTheLeaderboard() throws Exception {
        List<Double> values = trials.stream().filter(t -> t.state().ranksForBest() && t.bestValue().isPresent())
                .map(t -> t.bestValue().getAsDouble()).sorted().toList();
        double low = values.get(values.size() / 2);
        double high = values.get(values.size() - 1) + 1;
        long expected = values.stream().filter(v -> v >= low && v <= high).count();
        page.evaluate("sweeperDashboard.charts['parallel-1'].dispatchAction({type: 'axisAreaSelect', parallelAxisId: 'metric',"
                + " intervals: [[" + low + ", " + high + "]]})");
        assertThat(count("#leaderboard-1 tbody tr")).isEqualTo((int) expected);
        page.screenshot(SCREENSHOTS.resolve("dashboard-brushed.png"));
        page.evaluate("document.querySelector('#leaderboard-1 .toolbar button').click()");
        assertThat(count("#leaderboard-1 tbody tr")).isEqualTo(TRIALS);
    }

    @Test
    void aSweepWithoutTrialsRendersEmptyStates() throws Exception {
        String emptyDb = "jdbc:h2:file:" + dir.resolve("empty-db");
        try (Store store = Store.open(emptyDb)) {
            store.createSweep("nothing-yet", "name: nothing-yet\nmethod: random\nmetric: {name: score, goal: maximize}\n"
                    + "command: [bash, x.sh]\nparameters:\n  x: {min: 0.0, max: 1.0}\n", "random", "score", Goal.MAXIMIZE);
        }
        CliRun run = CliRun.of("dashboard", "nothing-yet", "--db", emptyDb, "-o", dir.resolve("empty.html").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        try (ChromiumPage empty = ChromiumPage.start(1400, 900)) {
            empty.navigate(dir.resolve("empty.html").toUri().toString());
            assertThat(empty.evaluate("document.body.dataset.rendered").asText()).isEqualTo("true");
            assertThat(empty.errors()).isEmpty();
            assertThat(empty.evaluate("document.getElementById('history').dataset.empty").asText()).isEqualTo("true");
            assertThat(empty.evaluate("document.querySelector('#history p.empty').textContent").asText())
                    .contains("No trial of nothing-yet has finished");
            assertThat(empty.evaluate("document.querySelector('#status').textContent").asText())
                    .contains("still running", "reloads itself");
            empty.screenshot(SCREENSHOTS.resolve("dashboard-empty.png"));
        }
    }

    @Test
    void theBuiltInTrainersBestTrialShowsItsCurvesConfusionAndPredictions() throws Exception {
        Path data = dir.resolve("data");
        TestImages.copySubset(data, List.of("Sample001", "Sample011", "Sample037"), 10);
        Path file = dir.resolve("lenet.yaml");
        Files.writeString(file, TrainerSweeps.lenetGrid("lenet-tiny", data, """
                  epochs: {value: 2}
                  patience: {value: 0}
                  batch_size: {value: 8}
                  dropout: {values: [0.2, 0.3]}
                """));
        String trainerDb = "jdbc:h2:file:" + dir.resolve("trainer-db");
        Path out = dir.resolve("lenet.html");
        CliRun run = CliRun.of("run", file.toString(), "--db", trainerDb, "--workers", "1", "--runs", dir.resolve("trainer-runs").toString(),
                "--cache", dir.resolve("cache").toString(), "--dashboard", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        try (ChromiumPage trainer = ChromiumPage.start(1400, 900)) {
            trainer.navigate(out.toUri().toString());
            assertThat(trainer.evaluate("document.body.dataset.rendered").asText()).isEqualTo("true");
            trainer.screenshot(SCREENSHOTS.resolve("dashboard-built-in-trainer.png"));
            assertThat(trainer.errors()).isEmpty();
            assertThat(trainer.evaluate("sweeperDashboard.charts['best-loss-1'].getOption().series.map(s => s.name + ':' + s.data.length)"))
                    .extracting(JsonNode::asText).containsExactly("loss:2", "val_loss:2");
            assertThat(trainer.evaluate("sweeperDashboard.charts['best-accuracy-1'].getOption().series.map(s => s.name + ':' + s.data.length)"))
                    .extracting(JsonNode::asText).containsExactly("accuracy:2", "val_accuracy:2");
            assertThat(trainer.evaluate("sweeperDashboard.charts['confusion-1'].getOption().xAxis[0].data.length").asInt()).isEqualTo(3);
            JsonNode matrix = trainer.evaluate("sweeperDashboard.data.sweeps[0].best.panel.confusion.counts");
            long total = 0;
            for (JsonNode row : matrix) {
                for (JsonNode cell : row) {
                    total += cell.asLong();
                }
            }
            int images = trainer.evaluate("document.querySelectorAll('#images-1 figure').length").asInt();
            assertThat(images).as("every validation image (fewer than 48)").isEqualTo((int) total).isPositive();
            int wrong = trainer.evaluate("document.querySelectorAll('#images-1 figure.wrong').length").asInt();
            long offDiagonal = total - IntStream.range(0, 3).mapToLong(i -> matrix.get(i).get(i).asLong()).sum();
            assertThat(wrong).as("the grid predicts as the confusion matrix counted").isEqualTo((int) offDiagonal);
            assertThat(trainer.evaluate("document.querySelectorAll('#confusion-1 ol.pairs li').length").asInt())
                    .isEqualTo((int) IntStream.range(0, 9).filter(c -> c / 3 != c % 3 && matrix.get(c / 3).get(c % 3).asLong() > 0).count());
        }
    }

    private static long finished() {
        return trials.stream().filter(t -> t.state() == TrialState.FINISHED).count();
    }

    private static int seriesCount(String chart) throws Exception {
        return page.evaluate("sweeperDashboard.charts['" + chart + "'].getOption().series.length").asInt();
    }

    private static int points(String chart, int series) throws Exception {
        return page.evaluate("sweeperDashboard.charts['" + chart + "'].getOption().series[" + series + "].data.length").asInt();
    }

    private static int count(String selector) throws Exception {
        return page.evaluate("document.querySelectorAll(" + quote(selector) + ").length").asInt();
    }

    private static String text(String selector) throws Exception {
        return page.evaluate("document.querySelector(" + quote(selector) + ").textContent").asText();
    }

    private static List<String> texts(String selector) throws Exception {
        JsonNode all = page.evaluate("Array.from(document.querySelectorAll(" + quote(selector) + ")).map(e => e.textContent)");
        return java.util.stream.StreamSupport.stream(all.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static String quote(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
