package io.sweeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sweeper.store.Store;
import io.sweeper.store.TrialOutcome;
import io.sweeper.sweep.ConfigFile;
import io.sweeper.train.TrialConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** `sweeper ls`, `show`, `best` and `query` on a real H2 file filled through the store's API. */
class ReportCommandsTest {
    @TempDir
    Path dir;

    private String db() {
        return "jdbc:h2:file:" + dir.resolve("db");
    }

    private CliRun sweeper(String... args) {
        return CliRun.of(Stream.concat(Arrays.stream(args), Stream.of("--db", db())).toArray(String[]::new));
    }

    /**
     * Eight trials of either test sweep, one per state and then some; the metric values make the
     * ranking differ by goal: maximize → 3 (0.85), 4 (0.75), 1 (0.7); minimize → 4 (0.3), 1 (0.5), 3 (0.8).
     */
    private long fill(String sweepFile, Map<String, Object> params) {
        try (Store store = Store.open(db())) {
            StoredSweeps sweep = StoredSweeps.create(store, sweepFile);
            for (int number = 1; number <= 8; number++) {
                sweep.queue(number, params);
            }
            sweep.run(TrialOutcome.finished(), 0.5, 0.7, 0.6)  // #1
                    .run(TrialOutcome.failed("out of memory"), 0.9)  // #2
                    .run(TrialOutcome.finished(), 0.8, 0.85)  // #3
                    .run(TrialOutcome.pruned(), 0.3, 0.75);  // #4
            sweep.start(0.99);  // #5 running
            sweep.run(TrialOutcome.cancelled(), 0.95);  // #6; #7 and #8 stay queued
            return sweep.id();
        }
    }

    private static final Map<String, Object> GRID_POINT =
            Map.of("model", "lenet", "activation", "mish", "dropout", 0.4, "epochs", 3);
    private static final Map<String, Object> RANDOM_POINT = Map.of("learning_rate", 0.00123, "batch_size", 64,
            "rotation", 5, "temperature", 2.25, "crop", true, "pipeline", "clean");

    /** The trial numbers in the order `show` lists them. */
    private static List<Integer> shownNumbers(String out) {
        List<String> lines = out.lines().toList();
        int header = lines.indexOf(lines.stream().filter(l -> l.strip().startsWith("#  state")).findFirst().orElseThrow());
        return lines.subList(header + 1, lines.size()).stream()
                .filter(l -> !l.startsWith("…"))
                .map(l -> Integer.parseInt(l.strip().split("\\s+")[0]))
                .toList();
    }

    @Test
    void lsListsEachSweepWithItsCountsAndBest() {
        long grid = fill("train/quick-grid.yaml", GRID_POINT);
        long random = fill("train/loss-random.yaml", RANDOM_POINT);

        CliRun ls = sweeper("ls");
        assertThat(ls.exitCode()).as(ls.err()).isZero();
        List<String> lines = ls.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("id", "name", "method", "metric", "state", "done", "best", "created", "trials");
        // newest first
        assertThat(lines.get(1).strip()).startsWith(random + "  loss-random").contains("random", "val_loss (minimize)",
                "running", "4/8", "0.3000 #4");
        assertThat(lines.get(1)).contains("2 queued, 1 running, 2 finished, 1 failed, 1 pruned, 1 cancelled");
        assertThat(lines.get(2).strip()).startsWith(grid + "  quick-grid").contains("grid", "val_accuracy (maximize)", "0.8500 #3");
    }

    @Test
    void lsOnAnEmptyStoreSaysSoInOneLine() {
        Store.open(db()).close();
        CliRun ls = sweeper("ls");
        assertThat(ls.exitCode()).isZero();
        assertThat(ls.out()).isEqualTo("no sweeps in " + db() + " yet: `sweeper run SWEEP_FILE` starts one\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"train/quick-grid.yaml", "train/loss-random.yaml"})
    void showRanksEndedTrialsByTheMetricInTheGoalsDirectionThenTheRest(String sweepFile) {
        boolean maximize = sweepFile.contains("grid");
        long id = fill(sweepFile, maximize ? GRID_POINT : RANDOM_POINT);

        CliRun show = sweeper("show", Long.toString(id));
        assertThat(show.exitCode()).as(show.err()).isZero();
        List<Integer> ended = maximize ? List.of(3, 4, 1) : List.of(4, 1, 3);
        // ended (finished and pruned) best first, then running, queued, failed, cancelled
        assertThat(shownNumbers(show.out())).containsExactly(ended.get(0), ended.get(1), ended.get(2), 5, 7, 8, 2, 6);
        assertThat(show.out()).contains(maximize
                ? "sweep quick-grid (id " + id + "): grid, maximize val_accuracy, running"
                : "sweep loss-random (id " + id + "): random, minimize val_loss, running");
        assertThat(show.out()).contains("trials: 8 (2 queued, 1 running, 2 finished, 1 failed, 1 pruned, 1 cancelled)");
        assertThat(show.out()).contains(maximize ? "best: trial 3, val_accuracy 0.8500 at epoch 2"
                : "best: trial 4, val_loss 0.3000 at epoch 1");
    }

    @Test
    void showListsEachTrialsValueEpochsAndParameters() {
        long id = fill("train/quick-grid.yaml", GRID_POINT);
        List<String> lines = sweeper("show", "quick-grid").out().lines().toList();

        assertThat(lines).anySatisfy(l -> assertThat(l.split("\\s+"))
                .containsSubsequence("3", "finished", "0.8500", "2", "2", "0:00", "model=lenet"));
        assertThat(lines).anySatisfy(l -> assertThat(l.strip().split("\\s+"))
                .startsWith("7", "queued", "-", "-", "-", "-"));
        String params = lines.stream().filter(l -> l.strip().startsWith("1 ")).findFirst().orElseThrow();
        assertThat(params).contains("activation=mish", "dropout=0.4", "epochs=3", "model=lenet");
    }

    @Test
    void showSaysWhichProcessesWorkOnTheSweepAndWhenEachWasLastSeen() {
        long id = fill("train/quick-grid.yaml", GRID_POINT);
        assertThat(sweeper("show", "quick-grid").out()).doesNotContain("processes:");
        try (Store store = Store.open(db())) {
            store.workingOn(id, "gpu-box:4242:", "test");
            store.workingOn(id, "laptop:77:", "test");
        }

        assertThat(sweeper("show", "quick-grid").out().lines()).anySatisfy(line -> assertThat(line)
                .matches("processes: gpu-box:4242 \\(seen \\d+ s ago\\), laptop:77 \\(seen \\d+ s ago\\)"));
    }

    @Test
    void showStopsAtTheLimitAndSaysHowManyAreLeft() {
        long id = fill("train/quick-grid.yaml", GRID_POINT);
        CliRun limited = sweeper("show", Long.toString(id), "--limit", "4");
        assertThat(shownNumbers(limited.out())).containsExactly(3, 4, 1, 5);
        assertThat(limited.out()).endsWith("… and 4 more trials (--limit N or --all shows them)\n");

        CliRun all = sweeper("show", Long.toString(id), "--limit", "2", "--all");
        assertThat(all.exitCode()).isEqualTo(Main.USER_ERROR); // one or the other
        assertThat(shownNumbers(sweeper("show", Long.toString(id), "--all").out())).hasSize(8);
    }

    @Test
    void anUnknownSweepIsTheStoresOneLine() {
        fill("train/quick-grid.yaml", GRID_POINT);
        for (String command : List.of("show", "best")) {
            CliRun run = sweeper(command, "no-such-sweep");
            assertThat(run.exitCode()).isEqualTo(Main.USER_ERROR);
            assertThat(run.userError()).isEqualTo("sweeper: no sweep 'no-such-sweep' in " + db() + ": `sweeper ls` lists them");
            assertThat(run.hasStackTrace()).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"yaml", "json"})
    void bestWritesTheBestTrialsConfigurationThatTrainAccepts(String format) throws Exception {
        long id = fill("train/loss-random.yaml", RANDOM_POINT);
        Path file = dir.resolve("best/best." + format);

        CliRun best = sweeper("best", Long.toString(id), "--format", format, "--out", file.toString());
        assertThat(best.exitCode()).as(best.err()).isZero();
        assertThat(best.out()).isEqualTo("wrote " + file + ": trial 4 of sweep loss-random (id " + id
                + "): val_loss 0.3 (minimize) at epoch 1\n");
        Map<String, Object> read = ConfigFile.read(file);
        assertThat(read).containsOnlyKeys(RANDOM_POINT.keySet());
        assertThat(TrialConfig.of(read, file.toString())).isEqualTo(TrialConfig.of(RANDOM_POINT, "trial 4"));
        if (format.equals("yaml")) {
            assertThat(Files.readString(file)).startsWith(
                    "# best configuration: trial 4 of sweep loss-random (id " + id + "): val_loss 0.3 (minimize) at epoch 1\n");
        }
    }

    @Test
    void bestPrintsTheConfigurationWithoutOut() {
        long id = fill("train/quick-grid.yaml", GRID_POINT);
        CliRun best = sweeper("best", Long.toString(id));
        assertThat(best.exitCode()).isZero();
        assertThat(best.out().lines().filter(l -> !l.startsWith("#")).sorted())
                .containsExactly("activation: mish", "dropout: 0.4", "epochs: 3", "model: lenet");
    }

    @Test
    void bestAgreesWithTheLeaderboardInSql() {
        long id = fill("train/quick-grid.yaml", GRID_POINT);
        CliRun query = sweeper("query", "--csv", "SELECT number FROM trial WHERE sweep_id = " + id
                + " AND state IN ('finished', 'pruned') ORDER BY best_value DESC, number LIMIT 1");
        assertThat(query.exitCode()).as(query.err()).isZero();
        String number = query.out().lines().toList().get(1);

        assertThat(sweeper("best", Long.toString(id)).out()).contains("# best configuration: trial " + number + " of ");
    }

    @Test
    void bestWithoutAFinishedTrialIsOneLine() {
        try (Store store = Store.open(db())) {
            StoredSweeps.create(store, "train/quick-grid.yaml").queue(1, GRID_POINT).start(0.9);
        }
        CliRun best = sweeper("best", "quick-grid");
        assertThat(best.exitCode()).isEqualTo(Main.USER_ERROR);
        assertThat(best.userError()).isEqualTo("sweeper: sweep quick-grid (id 1) has no finished trial with a value of"
                + " val_accuracy yet: `sweeper show 1` lists its trials");
    }

    @Test
    void queryPrintsAnAlignedTableOrCsv() {
        long id = fill("train/quick-grid.yaml", GRID_POINT);
        String sql = "SELECT number, state, best_value, error FROM trial WHERE sweep_id = " + id
                + " AND number <= 2 ORDER BY number";

        CliRun table = sweeper("query", sql);
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out().lines().toList()).containsExactly(
                "NUMBER  STATE     BEST_VALUE  ERROR",
                "     1  finished         0.7  NULL",
                "     2  failed           0.9  out of memory",
                "(2 rows)");

        CliRun csv = sweeper("query", "--csv", sql);
        assertThat(csv.out().lines().toList()).containsExactly(
                "NUMBER,STATE,BEST_VALUE,ERROR", "1,finished,0.7,", "2,failed,0.9,out of memory");
    }

    @Test
    void queryCutsAtMaxRowsAndSaysSo() {
        fill("train/quick-grid.yaml", GRID_POINT);
        CliRun table = sweeper("query", "--max-rows", "3", "SELECT number FROM trial ORDER BY number");
        assertThat(table.out()).endsWith("(3 rows; there are more: --max-rows N shows more)\n");
        CliRun csv = sweeper("query", "--csv", "--max-rows", "3", "SELECT number FROM trial ORDER BY number");
        assertThat(csv.out().lines()).containsExactly("NUMBER", "1", "2", "3");
        assertThat(csv.err()).contains("only the first 3 rows");
    }

    @ParameterizedTest
    @ValueSource(strings = {"DELETE FROM trial", "DROP TABLE metric", "UPDATE sweep SET state = 'failed'"})
    void queryRefusesWrites(String write) {
        long id = fill("train/quick-grid.yaml", GRID_POINT);
        CliRun refused = sweeper("query", write);
        assertThat(refused.exitCode()).isEqualTo(Main.USER_ERROR);
        assertThat(refused.userError()).startsWith("sweeper: refused " + write.split(" ")[0] + ": ")
                .contains("`sweeper query` is read-only");
        assertThat(refused.hasStackTrace()).isFalse();
        assertThat(shownNumbers(sweeper("show", Long.toString(id)).out())).hasSize(8);
    }

    @Test
    void queryTakesTheLargestMaxRowsAndATimeout() {
        fill("train/quick-grid.yaml", GRID_POINT);
        CliRun all = sweeper("query", "--max-rows", "2147483647", "--timeout", "5", "--csv", "SELECT number FROM trial ORDER BY number");
        assertThat(all.exitCode()).as(all.err()).isZero();
        assertThat(all.out().lines()).containsExactly("NUMBER", "1", "2", "3", "4", "5", "6", "7", "8");

        CliRun slow = sweeper("query", "--timeout", "1",
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) SELECT COUNT(*) FROM n a, n b, n c");
        assertThat(slow.exitCode()).isEqualTo(Main.USER_ERROR);
        assertThat(slow.userError()).startsWith("sweeper: query stopped after its time limit of 1 s on " + db());
        try (Store store = Store.open(db())) {
            assertThat(store.listSweeps()).as("the file is free again for a writer").hasSize(1);
        }
    }

    @Test
    void queryRunsExactlyOneStatement() {
        fill("train/quick-grid.yaml", GRID_POINT);
        CliRun two = sweeper("query", "SELECT 1; SELECT 2");
        assertThat(two.exitCode()).isEqualTo(Main.USER_ERROR);
        assertThat(two.userError()).startsWith("sweeper: the SQL holds 2 statements: ");
        assertThat(two.out()).isEmpty();
    }

    @Test
    void badSqlIsOneLineWithTheDatabasesMessage() {
        Store.open(db()).close();
        CliRun bad = sweeper("query", "SELECT nope FROM trial");
        assertThat(bad.exitCode()).isEqualTo(Main.USER_ERROR);
        assertThat(bad.userError()).startsWith("sweeper: query failed on " + db() + ": ").contains("NOPE");
    }

    @Test
    void aPasswordInTheUrlIsNeverPrinted() {
        String url = db() + ";USER=owner;PASSWORD=hunter2";
        Store.open(url).close();
        for (List<String> args : List.of(List.of("ls"), List.of("show", "x"), List.of("query", "SELECT nope"))) {
            CliRun run = CliRun.of(Stream.concat(args.stream(), Stream.of("--db", url)).toArray(String[]::new));
            assertThat(run.out() + run.err()).as(args.toString()).doesNotContain("hunter2").contains("PASSWORD=***");
        }
    }
}
