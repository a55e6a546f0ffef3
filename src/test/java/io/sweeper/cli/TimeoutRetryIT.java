package io.sweeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sweeper.store.EventKind;
import io.sweeper.store.EventRow;
import io.sweeper.store.Store;
import io.sweeper.store.SweepRow;
import io.sweeper.store.SweepState;
import io.sweeper.store.TrialRow;
import io.sweeper.sweep.TrialState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * trial_timeout, retry and sweep_timeout with real `command:` trials (bash) in a sweep run by the
 * real command line on a real H2 file: a program that hangs and one that ignores SIGTERM both end,
 * and no process they started survives; failures are retried by class; `sweeper retry` reruns
 * failed trials.
 */
class TimeoutRetryIT {
    @TempDir
    Path dir;

    private String db() {
        return "jdbc:h2:file:" + dir.resolve("db");
    }

    /** A sweep whose trials run {@code bash trial.sh --mode=M}; the script logs every pid it starts to pids.txt. */
    private Path sweep(String name, String modes, String extra) throws Exception {
        Files.writeString(dir.resolve("trial.sh"), """
                mode=${1#--mode=}
                case $mode in
                  stubborn) trap '' TERM ;;  # its sleep inherits the ignored SIGTERM too
                esac
                echo $$ >> %1$s
                case $mode in
                  hang|stubborn)
                    sleep 1000 &
                    echo $! >> %1$s
                    echo '{"epoch": 1, "score": 1}'
                    wait ;;
                  crash_once)
                    if [ ! -e "$SWEEPER_TRIAL_DIR/crashed" ]; then
                      touch "$SWEEPER_TRIAL_DIR/crashed"; echo "first attempt breaks" >&2; exit 3
                    fi
                    echo '{"epoch": 1, "score": 2}' ;;
                  quick)
                    sleep 0.3; echo '{"epoch": 1, "score": 1}' ;;
                esac
                """.formatted(dir.resolve("pids.txt")));
        return Files.writeString(dir.resolve(name + ".yaml"), """
                name: %s
                method: grid
                metric: {name: score, goal: maximize}
                command: [bash, %s, "${args}"]
                parameters:
                  mode: {values: [%s]}
                %s
                """.formatted(name, dir.resolve("trial.sh"), modes, extra));
    }

    private CliRun sweeper(String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(new String[] {"--db", db(), "--runs", dir.resolve("runs").toString()}, 0, all, args.length, 4);
        return CliRun.of(all);
    }

    @Test
    void hangingAndSigtermIgnoringTrialsEndAtTheirTimeoutLeavingNoProcessAndAreRetriedOnce() throws Exception {
        Path file = sweep("timeouts", "hang, stubborn", "trial_timeout: 2\nretry: {on: [timeout], max_attempts: 2}");

        CliRun run = sweeper("run", file.toString(), "--workers", "1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        try (Store store = Store.open(db())) {
            SweepRow sweep = store.findSweep("timeouts");
            List<TrialRow> trials = store.trials(sweep.id());
            assertThat(trials).hasSize(2).allSatisfy(t -> {
                assertThat(t.state()).isEqualTo(TrialState.FAILED);
                assertThat(t.attempt()).isEqualTo(2);
                assertThat(t.error()).contains("timeout: ran longer than trial_timeout (2 s)");
                assertThat(store.metrics(t.id())).hasSize(1);
            });
            List<EventRow> retried = store.events(sweep.id()).stream().filter(e -> e.kind() == EventKind.TRIAL_RETRIED).toList();
            assertThat(retried).hasSize(2).allSatisfy(e -> assertThat(e.message()).contains("-> queued (timeout on attempt 1 of 2"));
        }
        List<Long> pids = Files.readAllLines(dir.resolve("pids.txt")).stream().map(Long::parseLong).toList();
        assertThat(pids).as("bash and its sleep, in each of 4 attempts").hasSize(8);
        for (long pid : pids) {
            assertThat(running(pid)).as("process %d", pid).isFalse();
        }
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive))
                .as("nothing this JVM started survives").isEmpty();
    }

    /**
     * Whether {@code pid} still runs. A killed orphan stays a zombie until its new parent (init)
     * reaps it, and ProcessHandle counts a zombie as alive; it runs no code and holds nothing.
     */
    private static boolean running(long pid) throws Exception {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && Files.exists(stat)) {
            String text = Files.readString(stat);
            return !text.substring(text.lastIndexOf(')') + 2).startsWith("Z");
        }
        return false;
    }

    @Test
    void crashesAreRetriedOnlyWhenRetryNamesThem() throws Exception {
        Path retried = sweep("crash-retried", "crash_once", "retry: {on: [crash], max_attempts: 3}");
        assertThat(sweeper("run", retried.toString(), "--workers", "1").exitCode()).isZero();
        Path notRetried = sweep("crash-final", "crash_once", "retry: {on: [timeout, lease_expired], max_attempts: 3}");
        assertThat(sweeper("run", notRetried.toString(), "--workers", "1").exitCode()).isZero();

        try (Store store = Store.open(db())) {
            TrialRow again = store.trials(store.findSweep("crash-retried").id()).get(0);
            assertThat(again.state()).isEqualTo(TrialState.FINISHED);
            assertThat(again.attempt()).isEqualTo(2);
            assertThat(store.events(store.findSweep("crash-retried").id())).filteredOn(e -> e.kind() == EventKind.TRIAL_RETRIED)
                    .singleElement().satisfies(e -> assertThat(e.message())
                            .contains("(crash on attempt 1 of 3: `bash ").contains("exited with code 3: first attempt breaks"));
            TrialRow once = store.trials(store.findSweep("crash-final").id()).get(0);
            assertThat(once.state()).isEqualTo(TrialState.FAILED);
            assertThat(once.attempt()).isEqualTo(1);
            assertThat(once.error()).hasValueSatisfying(e -> assertThat(e).contains("exited with code 3"));
        }
    }

    @Test
    void sweeperRetryQueuesFailedTrialsOfAFinishedSweepForResume() throws Exception {
        Path file = sweep("rerun", "crash_once, quick", "");
        assertThat(sweeper("run", file.toString(), "--workers", "1").exitCode()).isZero();

        CliRun retry = CliRun.of("retry", "rerun", "--db", db());
        assertThat(retry.exitCode()).as(retry.err()).isZero();
        assertThat(retry.out()).contains("1 failed trial(s) of sweep", "sweeper resume");
        try (Store store = Store.open(db())) {
            SweepRow sweep = store.findSweep("rerun");
            assertThat(sweep.state()).isEqualTo(SweepState.RUNNING);
            assertThat(store.trials(sweep.id())).extracting(TrialRow::state)
                    .containsExactlyInAnyOrder(TrialState.QUEUED, TrialState.FINISHED);
        }
        CliRun resume = sweeper("resume", "rerun", "--workers", "1");

        assertThat(resume.exitCode()).as(resume.err()).isZero();
        try (Store store = Store.open(db())) {
            SweepRow sweep = store.findSweep("rerun");
            assertThat(sweep.state()).isEqualTo(SweepState.FINISHED);
            assertThat(store.trials(sweep.id())).hasSize(2).allSatisfy(t -> assertThat(t.state()).isEqualTo(TrialState.FINISHED));
        }
        assertThat(CliRun.of("retry", "rerun", "--state", "finished", "--db", db()).userError())
                .contains("failed, pruned or cancelled");
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void sweepTimeoutStopsPlanningAnEndlessRandomSweep() throws Exception {
        Path file = Files.writeString(dir.resolve("endless.yaml"), Files.readString(sweep("endless", "quick", ""))
                .replace("method: grid", "method: random\nsweep_timeout: 3")
                .replace("mode: {values: [quick]}", "mode: {value: quick}\n  x: {min: 0.0, max: 1.0}"));

        CliRun run = sweeper("run", file.toString(), "--workers", "1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        try (Store store = Store.open(db())) {
            SweepRow sweep = store.findSweep("endless");
            assertThat(sweep.state()).isEqualTo(SweepState.FINISHED);
            List<TrialRow> trials = store.trials(sweep.id());
            assertThat(trials).isNotEmpty().allSatisfy(t -> assertThat(t.state()).isEqualTo(TrialState.FINISHED));
            assertThat(trials.stream().map(t -> t.createdAt()).max(Comparable::compareTo).orElseThrow())
                    // planned when the budget was not yet spent: the insert follows the check by moments
                    .as("no trial planned after the budget").isBefore(sweep.createdAt().plusSeconds(4));
        }
    }
}
