package io.sweeper.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.sweeper.search.SearchMethods;
import io.sweeper.store.ClaimedTrial;
import io.sweeper.store.EventRow;
import io.sweeper.store.NewTrial;
import io.sweeper.store.Store;
import io.sweeper.store.TrialRow;
import io.sweeper.sweep.Goal;
import io.sweeper.sweep.SweepFiles;
import io.sweeper.sweep.SweepSpec;
import io.sweeper.sweep.TrialState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** early_terminate acted on while trials run: the pool on a real H2 file store, synthetic trials. */
class EarlyTerminationTest {
    @TempDir
    Path dir;
    Store store;

    @BeforeEach
    void open() {
        store = Store.open("jdbc:h2:file:" + dir.resolve("db"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** Brackets at iterations 3 and 9; one worker, so the trials run in grid order. */
    private static final String HYPERBAND = """
            name: pruning
            program: synthetic.py
            method: grid
            metric: {name: score, goal: maximize}
            early_terminate: {type: hyperband, min_iter: 3, eta: 3}
            parameters:
              x: {values: [5, 4, 6, 1]}
            """;

    /** Nine epochs of score = x + epoch/1000, a checkpoint each epoch; counts the epochs it ran. */
    private final Map<Integer, AtomicInteger> epochsRun = new ConcurrentHashMap<>();
    private final TrialRunner synthetic = (params, context) -> {
        int x = ((Number) params.get("x")).intValue();
        for (int epoch = 1; epoch <= 9; epoch++) {
            epochsRun.computeIfAbsent(x, k -> new AtomicInteger()).incrementAndGet();
            Path checkpoint = Files.writeString(Files.createDirectories(context.outDir()).resolve("epoch-" + epoch), "weights");
            context.reportCheckpoint(epoch, checkpoint);
            if (!context.reportEpoch(epoch, Map.of("score", x + epoch / 1000.0))) {
                return TrialRunner.End.STOPPED;
            }
        }
        return TrialRunner.End.FINISHED;
    };

    private final List<String> ended = Collections.synchronizedList(new ArrayList<>());
    private final SweepProgress recording = new SweepProgress() {
        @Override
        public void trialStarted(int number, Map<String, Object> params) {
        }

        @Override
        public void epoch(int number, int epoch, Map<String, Double> metrics) {
        }

        @Override
        public void trialEnded(int number, String state, String detail) {
            ended.add("#" + number + " " + state + " " + detail);
        }
    };

    private long runSweep(String yaml) throws InterruptedException {
        SweepSpec spec = SweepFiles.parse(yaml, "test.yaml").spec();
        long id = store.createSweep("pruning", yaml, "grid", "score", Goal.MAXIMIZE);
        new SweepRunner(store, id, spec, SearchMethods.forSpec(spec, id), synthetic,
                new SweepRunner.Settings(new ThreadBudget(1, 1), dir.resolve("runs"), Duration.ofSeconds(30), 3),
                recording).run();
        return id;
    }

    private TrialRow trialWithX(long sweepId, int x) {
        return store.trials(sweepId).stream().filter(t -> t.paramsJson().equals("{\"x\":" + x + "}")).findFirst().orElseThrow();
    }

    @Test
    void badTrialsArePrunedAtTheBracketKeepingWhatTheyRecordedAndGoodOnesFinish() throws Exception {
        long id = runSweep(HYPERBAND);

        // #0 x=5 alone at every bracket; #1 x=4 is below #0 at iteration 3 (int(2/3) = 0: only the
        // best of two goes on); #2 x=6 leads; #3 x=1 is below the cut 5.003 (2nd of 4) at iteration 3.
        assertThat(trialWithX(id, 5).state()).isEqualTo(TrialState.FINISHED);
        assertThat(trialWithX(id, 6).state()).isEqualTo(TrialState.FINISHED);
        for (int x : new int[] {4, 1}) {
            TrialRow pruned = trialWithX(id, x);
            assertThat(pruned.state()).as("x=%d", x).isEqualTo(TrialState.PRUNED);
            assertThat(pruned.lastEpoch()).hasValue(3);
            assertThat(pruned.error()).isEmpty();
            assertThat(store.metrics(pruned.id())).extracting(m -> m.epoch()).containsExactly(1, 2, 3);
            assertThat(store.checkpoints(pruned.id())).hasSize(3)
                    .allSatisfy(c -> assertThat(c.path()).exists());
            assertThat(epochsRun.get(x)).as("the runner stopped when told to").hasValue(3);
        }
        assertThat(epochsRun.get(5)).hasValue(9);
        assertThat(epochsRun.get(6)).hasValue(9);
        assertThat(store.bestTrial(id).orElseThrow().paramsJson()).isEqualTo("{\"x\":6}");

        String why = "at epoch 3: score 1.003 at iteration 3 is worse than 5.003, the hyperband cut at iteration 3"
                + " (top 1/3 of the 4 trials that reached it)";
        assertThat(store.events(id)).extracting(EventRow::message)
                .contains("trial #3: running -> pruned " + why + " (best 1.003 at epoch 3)");
        assertThat(ended).contains("#3 pruned " + why, "#0 finished ", "#2 finished ")
                .anySatisfy(line -> assertThat(line).startsWith("#1 pruned at epoch 3: score 4.003"));
    }

    @Test
    void aResumedSweepDecidesFromTheRecordedHistory() throws Exception {
        long id = runSweep(HYPERBAND);
        SweepSpec spec = SweepFiles.parse(HYPERBAND, "test.yaml").spec();
        EarlyTermination resumed = new EarlyTermination(store, id, spec);

        // A new trial at iteration 3 meets the recorded values 5.003, 4.003, 6.003, 1.003 and its own:
        // the cut is the 2nd best, 5.003. Alone it would be its own cut and go on.
        resumed.reload();
        assertThat(IntStream.rangeClosed(1, 3).mapToObj(e -> resumed.afterEpoch(10, e, Map.of("score", 4.5))))
                .containsExactly(Optional.empty(), Optional.empty(),
                        Optional.of("at epoch 3: score 4.5 at iteration 3 is worse than 5.003, the hyperband cut at"
                                + " iteration 3 (top 1/3 of the 5 trials that reached it)"));
        resumed.reload();
        assertThat(IntStream.rangeClosed(1, 3).mapToObj(e -> resumed.afterEpoch(11, e, Map.of("score", 5.5))))
                .containsOnly(Optional.empty());
    }

    @Test
    void anotherProcessesEpochsCountFromTheNextRefreshAndOwnNewerEpochsStay() {
        SweepSpec spec = SweepFiles.parse(HYPERBAND, "test.yaml").spec();
        long id = store.createSweep("pruning", HYPERBAND, "grid", "score", Goal.MAXIMIZE);
        store.addTrials(id, List.of(new NewTrial(0, "{\"x\":5}")));
        EarlyTermination here = new EarlyTermination(store, id, spec);
        here.reload(); // this process starts trial 10 before the other records anything
        ClaimedTrial elsewhere = store.claimNextTrial(id, "other:1:0", Duration.ofMinutes(1)).orElseThrow();
        for (int epoch = 1; epoch <= 3; epoch++) {
            store.recordEpoch(elsewhere.lease(), epoch, Map.of("score", 5 + epoch / 1000.0));
        }

        assertThat(IntStream.rangeClosed(1, 3).mapToObj(e -> here.afterEpoch(10, e, Map.of("score", 4.5))))
                .as("alone at iteration 3: its own cut").containsOnly(Optional.empty());
        here.refresh();
        assertThat(IntStream.rangeClosed(1, 3).mapToObj(e -> here.afterEpoch(11, e, Map.of("score", 4.4))).toList())
                .as("the other's 5.003 counts, and trial 10's 4.5, recorded here only, was kept").last()
                .isEqualTo(Optional.of("at epoch 3: score 4.4 at iteration 3 is worse than 4.5, the hyperband cut"
                        + " at iteration 3 (top 1/3 of the 3 trials that reached it)"));
    }

    @Test
    void anEpochWithoutTheMetricDecidesNothing() throws Exception {
        long id = runSweep(HYPERBAND);
        EarlyTermination resumed = new EarlyTermination(store, id, SweepFiles.parse(HYPERBAND, "test.yaml").spec());
        resumed.reload();
        resumed.afterEpoch(10, 1, Map.of("score", 0.0));
        resumed.afterEpoch(10, 2, Map.of("score", 0.0));
        assertThat(resumed.afterEpoch(10, 3, Map.of("loss", 0.0))).as("no third iteration yet").isEmpty();
        assertThat(resumed.afterEpoch(10, 4, Map.of("score", Double.NaN))).isEmpty();
        assertThat(resumed.afterEpoch(10, 5, Map.of("score", 0.0))).hasValueSatisfying(why ->
                assertThat(why).startsWith("at epoch 5: score 0 at iteration 3"));
    }

    @Test
    void medianStoppingPrunesOnceEnoughTrialsFinished() throws Exception {
        long id = runSweep("""
                name: median
                program: synthetic.py
                method: grid
                metric: {name: score, goal: maximize}
                early_terminate: {type: median, min_trials: 2, min_iter: 2}
                parameters:
                  x: {values: [5, 6, 1, 7, 2]}
                """);
        // #0 and #1 finish (too few finished before them); #2 x=1 is below the median from
        // iteration 2; #3 x=7 leads; #4 x=2 is below the median of 5, 6, 7.
        assertThat(store.trials(id)).extracting(t -> t.paramsJson() + " " + t.state().word() + " " + t.lastEpoch().getAsInt())
                .containsExactlyInAnyOrder("{\"x\":5} finished 9", "{\"x\":6} finished 9", "{\"x\":1} pruned 2",
                        "{\"x\":7} finished 9", "{\"x\":2} pruned 2");
    }
}
