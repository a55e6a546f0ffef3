package io.sweeper.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sweeper.store.EpochMetrics;
import io.sweeper.store.EventKind;
import io.sweeper.store.EventRow;
import io.sweeper.store.Store;
import io.sweeper.store.SweepRow;
import io.sweeper.store.SweepState;
import io.sweeper.store.TestDatabase;
import io.sweeper.store.TrialRow;
import io.sweeper.sweep.TrialState;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ask/tell from Python: real training functions run by the shipped client (clients/python), which
 * calls the real `sweeper` command line (a JVM per call) on the real H2 file and the real
 * PostgreSQL (skipped without SWEEPER_TEST_PG_URL).
 */
class AskTellIT {
    private static final Path CLIENT = Path.of("clients", "python").toAbsolutePath();

    @TempDir
    Path dir;
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopEverything() throws InterruptedException {
        for (Process p : started) {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Each test's fresh database; JUnit closes it after the test (after the processes are stopped). */
    static Stream<TestDatabase> databases() {
        return Stream.of(TestDatabase.h2File(), TestDatabase.postgres());
    }

    /**
     * A W&B-style function-based script (two lines changed) on a grid of three: one trial runs to
     * its end, early termination stops the second after its first epoch, the third crashes at its
     * second epoch.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aWandbStyleFunctionRunsThroughTheShimWithEarlyStopAndACrash(TestDatabase db) throws Exception {
        Path sweep = Files.writeString(dir.resolve("fn.yaml"), """
                name: fn
                method: grid
                metric: {name: val/acc, goal: maximize}
                early_terminate: {type: asha, min_iter: 1, eta: 2}
                parameters:
                  x: {values: [0.9, 0.2, 0.95]}
                """);
        Path script = Files.writeString(dir.resolve("train.py"), """
                import sys
                import sweeper_client as wandb

                def train():
                    with wandb.init() as run:
                        x = wandb.config.x
                        for epoch in (1, 2, 3):
                            if x == 0.95 and epoch == 2:
                                raise RuntimeError("diverged at epoch 2")
                            wandb.log({"val/acc": x * epoch / 3, "loss": 1 - x})

                sweep_id = wandb.sweep(sys.argv[1])
                sys.exit(0 if wandb.agent(sweep_id, function=train) == 3 else 1)
                """);

        Process python = python(db, "train", script, sweep.toString());
        assertThat(python.waitFor(600, TimeUnit.SECONDS)).isTrue();

        assertThat(python.exitValue()).as(read("train.err")).isZero();
        assertThat(read("train.out")).as("the training function prints nothing, nor does the client").isEmpty();
        try (Store store = db.open()) {
            SweepRow row = store.findSweep("fn");
            assertThat(row.state()).isEqualTo(SweepState.FINISHED);
            Map<Integer, TrialRow> trials = store.trials(row.id()).stream()
                    .collect(Collectors.toMap(TrialRow::number, t -> t));
            assertThat(trials.get(0).state()).isEqualTo(TrialState.FINISHED);
            assertThat(store.metrics(trials.get(0).id())).extracting(EpochMetrics::epoch).containsExactly(1, 2, 3);
            assertThat(trials.get(0).bestValue().getAsDouble()).isCloseTo(0.9, within(1e-9));
            assertThat(trials.get(1).state()).isEqualTo(TrialState.PRUNED);
            assertThat(store.metrics(trials.get(1).id())).extracting(EpochMetrics::epoch).containsExactly(1);
            assertThat(trials.get(2).state()).isEqualTo(TrialState.FAILED);
            assertThat(trials.get(2).error()).contains("RuntimeError: diverged at epoch 2");
            assertThat(store.metrics(trials.get(2).id())).extracting(EpochMetrics::epoch).containsExactly(1);
        }
    }

    /**
     * Two Python workers share a sweep (on H2 their commands take turns with the file); one is
     * killed (kill -9) while it holds a trial, and the other takes that trial over once its lease
     * has expired (attempt 2).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void twoWorkersShareASweepAndAKilledWorkersTrialRunsAgainAfterItsLease(TestDatabase db) throws Exception {
        Path sweep = Files.writeString(dir.resolve("shared.yaml"), """
                name: shared
                method: grid
                metric: {name: score, goal: maximize}
                parameters:
                  x: {values: [0, 1, 2, 3, 4, 5]}
                """);
        String id;
        try (Store store = db.open()) {
            id = Long.toString(RunCommand.create(store, io.sweeper.sweep.SweepFiles.load(sweep), sweep, new TrackingOptions()));
        }
        // worker a holds its second trial without reporting until it is killed
        Path script = Files.writeString(dir.resolve("worker.py"), """
                import os, sys, time
                import sweeper_client as wandb
                label = sys.argv[2]
                runs = []

                def train():
                    run = wandb.init()
                    runs.append(run.trial)
                    if label == "a" and len(runs) == 2:
                        print("holding", run.trial, flush=True)
                        time.sleep(600)
                    for epoch in (1, 2):
                        wandb.log({"score": run.config.x * epoch})
                    run.finish()

                wandb.agent(sys.argv[1], function=train, lease=20, wait=1, worker=label)
                """);

        Process a = python(db, "a", script, id, "a");
        Process b = python(db, "b", script, id, "b");
        int held;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(a.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertThat(line).as(read("a.err")).startsWith("holding ");
            held = Integer.parseInt(line.split(" ")[1]);
        }
        a.destroyForcibly(); // SIGKILL: nothing ends its trial
        assertThat(b.waitFor(600, TimeUnit.SECONDS)).isTrue();

        assertThat(b.exitValue()).as(read("b.err")).isZero();
        try (Store store = db.open()) {
            SweepRow row = store.findSweep(id);
            assertThat(row.state()).isEqualTo(SweepState.FINISHED);
            List<TrialRow> trials = store.trials(row.id());
            assertThat(trials).hasSize(6).allSatisfy(t -> assertThat(t.state()).isEqualTo(TrialState.FINISHED));
            TrialRow taken = trials.stream().filter(t -> t.number() == held).findFirst().orElseThrow();
            assertThat(taken.attempt()).isEqualTo(2);
            assertThat(taken.worker().orElseThrow()).startsWith("b@");
            assertThat(trials).filteredOn(t -> t.number() != held).allSatisfy(t -> assertThat(t.attempt()).isEqualTo(1));
            assertThat(trials).extracting(t -> t.worker().orElseThrow().substring(0, 2)).contains("a@", "b@");
            List<EventRow> expired = store.events(row.id()).stream().filter(e -> e.kind() == EventKind.LEASE_EXPIRED).toList();
            assertThat(expired).hasSize(1);
            assertThat(expired.get(0).message()).startsWith("trial #" + held + ": running -> queued (lease of worker a@");
        }
    }

    /** Python running the client against {@code db}, its output in NAME.out and NAME.err. */
    private Process python(TestDatabase db, String name, Path script, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("python3", script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectError(dir.resolve(name + ".err").toFile());
        if (!name.equals("a")) {
            builder.redirectOutput(dir.resolve(name + ".out").toFile());
        }
        builder.environment().put("PYTHONPATH", CLIENT.toString());
        builder.environment().put("SWEEPER_CMD", sweeperCommand());
        builder.environment().put("SWEEPER_DB", db.url());
        Process p = builder.start();
        started.add(p);
        return p;
    }

    /** The real command line, as the client runs it: a JVM on the test classpath. */
    private String sweeperCommand() {
        return SweeperProcess.builder(dir).command().stream().map(a -> "'" + a.replace("'", "'\\''") + "'")
                .collect(Collectors.joining(" "));
    }

    private String read(String name) throws IOException {
        Path file = dir.resolve(name);
        return Files.exists(file) ? Files.readString(file) : "";
    }
}
