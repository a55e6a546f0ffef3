package io.sweeper.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sweeper.SweeperException;
import io.sweeper.search.SearchMethods;
import io.sweeper.sweep.Goal;
import io.sweeper.store.EpochMetrics;
import io.sweeper.store.Store;
import io.sweeper.store.SweepState;
import io.sweeper.store.TrialRow;
import io.sweeper.sweep.TrialState;
import io.sweeper.sweep.SweepFiles;
import io.sweeper.sweep.SweepSpec;
import io.sweeper.testing.RunsFolders;
import io.sweeper.testing.ScriptSweeps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pool against a real H2 file store, with fast synthetic trials (no training). */
class SweepRunnerTest {
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

    private static final String GRID = """
            name: grid
            program: synthetic.py
            method: grid
            metric: {name: score, goal: maximize}
            parameters:
              x: {values: [1, 2, 3]}
              y: {values: [10, 20]}
            """;

    /** Three epochs of score = x + y/10 + epoch/100. */
    private static final TrialRunner SCORE = (params, context) -> {
        for (int epoch = 1; epoch <= 3; epoch++) {
            double score = ((Number) params.get("x")).doubleValue() + ((Number) params.get("y")).doubleValue() / 10 + epoch / 100.0;
            if (!context.reportEpoch(epoch, Map.of("score", score))) {
                return TrialRunner.End.STOPPED;
            }
        }
        return TrialRunner.End.FINISHED;
    };

    private SweepRunner runner(String yaml, TrialRunner trials, int workers) {
        SweepSpec spec = SweepFiles.parse(yaml, "test.yaml").spec();
        long id = store.listSweeps().isEmpty()
                ? store.createSweep("test", yaml, spec.method().yamlName(), "score", Goal.MAXIMIZE)
                : store.listSweeps().get(0).id();
        return new SweepRunner(store, id, spec, SearchMethods.forSpec(spec, id), trials,
                new SweepRunner.Settings(new ThreadBudget(workers, 1), dir.resolve("runs"), Duration.ofSeconds(30), 3),
                SweepProgress.NONE);
    }

    private long sweepId() {
        return store.listSweeps().get(0).id();
    }

    @Test
    void everyGridPointRunsExactlyOnceWithEveryEpochRecorded() throws Exception {
        Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
        TrialRunner counting = (params, context) -> {
            runs.computeIfAbsent(params.toString(), k -> new AtomicInteger()).incrementAndGet();
            return SCORE.run(params, context);
        };
        assertThat(runner(GRID, counting, 2).run()).isEqualTo(SweepRunner.Outcome.FINISHED);

        List<TrialRow> trials = store.trials(sweepId());
        assertThat(trials).hasSize(6).allSatisfy(t -> {
            assertThat(t.state()).isEqualTo(TrialState.FINISHED);
            assertThat(store.metrics(t.id())).hasSize(3);
        });
        assertThat(runs).hasSize(6).allSatisfy((k, n) -> assertThat(n.get()).isEqualTo(1));
        TrialRow best = store.bestTrial(sweepId()).orElseThrow();
        assertThat(best.paramsJson()).contains("\"x\":3", "\"y\":20");
        assertThat(best.bestValue().getAsDouble()).isEqualTo(5.03, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(best.bestEpoch().getAsInt()).isEqualTo(3);
        assertThat(store.findSweep(Long.toString(sweepId())).state()).isEqualTo(SweepState.FINISHED);
    }

    @Test
    void aFailingTrialIsRecordedWithItsErrorAndTheOthersGoOn() throws Exception {
        TrialRunner failsOnX2 = (params, context) -> {
            if (((Number) params.get("x")).intValue() == 2) {
                throw new IllegalStateException("x=2 diverged");
            }
            return SCORE.run(params, context);
        };
        runner(GRID, failsOnX2, 1).run();
        List<TrialRow> trials = store.trials(sweepId());
        assertThat(trials).filteredOn(t -> t.state() == TrialState.FAILED).hasSize(2)
                .allSatisfy(t -> assertThat(t.error()).hasValueSatisfying(e -> assertThat(e).contains("x=2 diverged")));
        assertThat(trials).filteredOn(t -> t.state() == TrialState.FINISHED).hasSize(4);
    }

    @Test
    void runningOutOfMemoryStopsTheProcessWithAMessageAndTheSweepResumes() throws Exception {
        AtomicInteger outOfMemory = new AtomicInteger();
        TrialRunner oneRunsOutOfMemory = (params, context) -> {
            if (((Number) params.get("x")).intValue() == 2 && outOfMemory.getAndIncrement() == 0) {
                context.reportEpoch(1, Map.of("score", 0.5));
                throw new OutOfMemoryError("Cannot allocate new LongPointer(4)");
            }
            return SCORE.run(params, context);
        };
        assertThatThrownBy(() -> runner(GRID, oneRunsOutOfMemory, 1).run())
                .isInstanceOf(SweeperException.class)
                .hasMessageContaining("ran out of memory (Cannot allocate new LongPointer(4))")
                .hasMessageContaining("`sweeper resume " + sweepId() + "`");
        TrialRow interrupted = store.trials(sweepId()).stream().filter(t -> t.state() == TrialState.CANCELLED)
                .findFirst().orElseThrow();
        assertThat(store.metrics(interrupted.id())).as("its epoch stays recorded").isNotEmpty();
        assertThat(store.findSweep(Long.toString(sweepId())).state()).isEqualTo(SweepState.CANCELLED);

        store.setSweepState(sweepId(), SweepState.RUNNING);
        assertThat(runner(GRID, oneRunsOutOfMemory, 1).run()).isEqualTo(SweepRunner.Outcome.FINISHED);
        assertThat(store.trials(sweepId())).hasSize(6).extracting(TrialRow::state).containsOnly(TrialState.FINISHED);
    }

    @Test
    void stopRecordsRunningTrialsAsCancelledAndResumeFinishesWithoutRerunningFinishedOnes() throws Exception {
        AtomicReference<SweepRunner> current = new AtomicReference<>();
        Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
        TrialRunner stopsInTheFourth = (params, context) -> {
            int n = runs.computeIfAbsent(params.toString(), k -> new AtomicInteger()).incrementAndGet();
            if (runs.size() == 4 && n == 1) {
                context.reportEpoch(1, Map.of("score", 0.0));
                current.get().requestStop(); // as Ctrl-C does
            }
            return SCORE.run(params, context);
        };
        current.set(runner(GRID, stopsInTheFourth, 1));
        assertThat(current.get().run()).isEqualTo(SweepRunner.Outcome.STOPPED);
        List<TrialState> states = store.trials(sweepId()).stream().map(TrialRow::state).toList();
        assertThat(states).filteredOn(s -> s == TrialState.FINISHED).hasSize(3);
        assertThat(states).filteredOn(s -> s == TrialState.CANCELLED).hasSize(1);
        assertThat(states).filteredOn(s -> s != TrialState.FINISHED && s != TrialState.CANCELLED)
                .allMatch(s -> s == TrialState.QUEUED);
        assertThat(store.findSweep(Long.toString(sweepId())).state()).isEqualTo(SweepState.CANCELLED);
        // What was recorded stays recorded: the cancelled trial keeps its epoch.
        TrialRow cancelled = store.trials(sweepId()).stream().filter(t -> t.state() == TrialState.CANCELLED).findFirst().orElseThrow();
        assertThat(store.metrics(cancelled.id())).isNotEmpty();

        store.setSweepState(sweepId(), SweepState.RUNNING);
        current.set(runner(GRID, stopsInTheFourth, 1));
        assertThat(current.get().run()).isEqualTo(SweepRunner.Outcome.FINISHED);
        assertThat(store.trials(sweepId())).hasSize(6).extracting(TrialRow::state).containsOnly(TrialState.FINISHED);
        assertThat(runs.values().stream().mapToInt(AtomicInteger::get).sum()).as("only the cancelled trial ran twice").isEqualTo(7);
    }

    @Test
    void aTrialAbandonedByAKilledProcessRunsAgainWithTheNextAttempt() throws Exception {
        SweepRunner first = runner(GRID, SCORE, 1);
        long id = sweepId();
        // A process that claimed trial 0 and died: its lease runs out, nobody finishes it.
        store.addTrial(id, 0, "{\"x\":1,\"y\":10}");
        store.workingOn(id, "dead-host:1:", "another machine");
        var claimed = store.claimNextTrial(id, "dead-host:1:0", Duration.ofMillis(1)).orElseThrow();
        Thread.sleep(20);
        assertThat(first.run()).isEqualTo(SweepRunner.Outcome.FINISHED);
        TrialRow retried = store.trial(claimed.trialId());
        assertThat(retried.state()).isEqualTo(TrialState.FINISHED);
        assertThat(retried.attempt()).isEqualTo(2);
        assertThat(store.trials(id)).hasSize(6);
        assertThat(store.processes(id)).as("a finished sweep has nobody working on it, dead or alive").isEmpty();
    }

    @Test
    void anExternalCommandReportsMetricsAsJsonLines() throws Exception {
        Path script = dir.resolve("train.sh");
        Files.writeString(script, """
                echo "starting with $@"
                for e in 1 2; do echo "{\\"epoch\\": $e, \\"score\\": $e.5, \\"note\\": \\"text is ignored\\"}"; done
                case "$*" in *--x=3*) echo "x=3 is not supported" >&2; exit 3;; esac
                """);
        String yaml = ScriptSweeps.grid("command", script, "x: {values: [1, 3]}");
        SweepSpec spec = SweepFiles.parse(yaml, "cmd.yaml").spec();
        long id = store.createSweep("command", yaml, "grid", "score", Goal.MAXIMIZE);
        new SweepRunner(store, id, spec, SearchMethods.forSpec(spec, id), new CommandRunner(spec.command(), dir),
                new SweepRunner.Settings(new ThreadBudget(1, 1), dir.resolve("runs"), Duration.ofSeconds(30), 3),
                SweepProgress.NONE).run();
        List<TrialRow> trials = store.trials(id);
        TrialRow ok = trials.get(0);
        assertThat(ok.state()).isEqualTo(TrialState.FINISHED);
        assertThat(store.metrics(ok.id())).extracting(m -> m.values().get("score")).containsExactly(1.5, 2.5);
        assertThat(Files.readString(RunsFolders.trial(dir.resolve("runs"), id, 0).resolve("stdout.log"))).contains("starting with --x=1");
        TrialRow failed = trials.get(1);
        assertThat(failed.state()).isEqualTo(TrialState.FAILED);
        assertThat(failed.error()).hasValueSatisfying(e -> assertThat(e).contains("exited with code 3", "x=3 is not supported"));
        assertThat(store.metrics(failed.id())).as("epochs before the failure stay recorded").hasSize(2);
    }

    /** A trial abandoned by a dead process after two epochs: its metrics are in the store. */
    private long abandonedAfterTwoEpochs(long sweepId, String params) throws InterruptedException {
        store.addTrial(sweepId, 0, params);
        var claimed = store.claimNextTrial(sweepId, "dead-host:1:0", Duration.ofMillis(1)).orElseThrow();
        store.recordEpoch(claimed.lease(), 1, Map.of("score", 0.1));
        store.recordEpoch(claimed.lease(), 2, Map.of("score", 0.2));
        Thread.sleep(20);
        return claimed.trialId();
    }

    @Test
    void aRunnerContinuesAfterTheEpochsEarlierAttemptsRecordedOrStartsOverReplacingThem() throws Exception {
        String yaml = "name: one\nprogram: synthetic.py\nmethod: grid\nmetric: {name: score, goal: maximize}\n"
                + "parameters:\n  x: {values: [1]}\n";
        List<Integer> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        TrialRunner continuing = (params, context) -> {
            seen.add(context.lastRecordedEpoch());
            for (int epoch = context.lastRecordedEpoch() + 1; epoch <= 4; epoch++) {
                context.reportEpoch(epoch, Map.of("score", epoch / 10.0));
            }
            return TrialRunner.End.FINISHED;
        };
        SweepRunner first = runner(yaml, continuing, 1);
        long trial = abandonedAfterTwoEpochs(sweepId(), "{\"x\":1}");
        List<Object> before = store.metrics(trial).stream().map(m -> metricTime(trial, m.epoch())).toList();
        assertThat(first.run()).isEqualTo(SweepRunner.Outcome.FINISHED);
        assertThat(seen).containsExactly(2);
        assertThat(store.metrics(trial)).extracting(EpochMetrics::epoch).containsExactly(1, 2, 3, 4);
        assertThat(List.of(metricTime(trial, 1), metricTime(trial, 2))).as("epochs 1 and 2 were not recorded again")
                .isEqualTo(before);
        assertThat(store.trial(trial).attempt()).isEqualTo(2);
    }

    @Test
    void anAttemptThatStartsOverReplacesWhatTheEarlierOneRecorded() throws Exception {
        String yaml = "name: one\nprogram: synthetic.py\nmethod: grid\nmetric: {name: score, goal: maximize}\n"
                + "parameters:\n  x: {values: [1]}\n";
        TrialRunner oneEpoch = (params, context) -> {
            context.reportEpoch(1, Map.of("score", 0.5));
            return TrialRunner.End.FINISHED;
        };
        SweepRunner first = runner(yaml, oneEpoch, 1);
        long trial = abandonedAfterTwoEpochs(sweepId(), "{\"x\":1}");
        assertThat(first.run()).isEqualTo(SweepRunner.Outcome.FINISHED);
        assertThat(store.metrics(trial)).extracting(m -> m.values().get("score")).containsExactly(0.5);
        assertThat(store.trial(trial).lastEpoch()).hasValue(1);
        assertThat(store.trial(trial).bestValue()).hasValue(0.5);
    }

    @Test
    void anExternalCommandLearnsWhichEpochItMayContinueAfter() throws Exception {
        Path script = dir.resolve("resume.sh");
        Files.writeString(script, """
                for e in $(seq $((SWEEPER_RESUME_EPOCH + 1)) 4); do echo "{\\"epoch\\": $e, \\"score\\": $e}"; done
                """);
        String yaml = ScriptSweeps.grid("command", script, "x: {values: [1]}");
        SweepSpec spec = SweepFiles.parse(yaml, "cmd.yaml").spec();
        long id = store.createSweep("command", yaml, "grid", "score", Goal.MAXIMIZE);
        long trial = abandonedAfterTwoEpochs(id, "{\"x\":1}");
        new SweepRunner(store, id, spec, SearchMethods.forSpec(spec, id), new CommandRunner(spec.command(), dir),
                new SweepRunner.Settings(new ThreadBudget(1, 1), dir.resolve("runs"), Duration.ofSeconds(30), 3),
                SweepProgress.NONE).run();
        assertThat(store.trial(trial).state()).isEqualTo(TrialState.FINISHED);
        assertThat(store.metrics(trial)).extracting(m -> m.values().get("score")).containsExactly(0.1, 0.2, 3.0, 4.0);
    }

    /** When the store recorded an epoch of the trial (a re-recorded epoch gets a new time). */
    private Object metricTime(long trialId, int epoch) {
        return store.query("SELECT MAX(at) FROM metric WHERE trial_id = " + trialId + " AND epoch = " + epoch, 1)
                .rows().get(0).get(0).orElseThrow();
    }
}
