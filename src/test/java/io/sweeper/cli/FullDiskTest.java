package io.sweeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sweeper.store.Store;
import io.sweeper.store.SweepState;
import io.sweeper.store.TrialRow;
import io.sweeper.sweep.TrialState;
import io.sweeper.testing.ScriptSweeps;
import io.sweeper.testing.SmallDisk;
import io.sweeper.testing.TrainerSweeps;
import io.sweeper.train.data.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disk that fills up under a running sweep, on a real size-limited file system (a tmpfs; see
 * {@link SmallDisk}): the process stops with one line naming the place and "no space left", exit
 * code non-zero, the running trial back in the queue rather than failed, the sweep not finished,
 * no temporary files left; once there is space, `resume` finishes the sweep.
 */
class FullDiskTest {
    @TempDir
    Path dir;
    private String db;

    @BeforeEach
    void storeBesideTheRuns() {
        db = "jdbc:h2:file:" + dir.resolve("db");
    }

    /**
     * 3 MB hold the first epoch of a tiny lenet trial (its resume state, ≈ 1.7 MB, and checkpoint,
     * ≈ 0.6 MB) but not the second, whose resume state is written beside the first before
     * replacing it.
     */
    @Test
    void aFullRunsFolderStopsTheSweepAndResumeFinishesIt() throws Exception {
        Path data = TestImages.copySubset(dir.resolve("data"), List.of("Sample001", "Sample011", "Sample037"), 10);
        Path sweep = dir.resolve("tiny.yaml");
        Files.writeString(sweep, TrainerSweeps.lenetGrid("tiny", data, """
                  epochs: {value: 2}
                  patience: {value: 0}
                  batch_size: {value: 8}
                  dropout: {values: [0.2, 0.3]}
                """));
        try (SmallDisk runs = SmallDisk.mount(dir.resolve("runs"), "3m")) {
            String[] options = {"--db", db, "--runs", runs.path().toString(), "--workers", "1",
                "--cache", dir.resolve("cache").toString()};

            CliRun full = CliRun.of(args("run", sweep.toString(), options));

            assertStoppedForLackOfSpace(full, runs.path());
            runs.resize("64m");
            assertResumable(TrialState.CANCELLED);
            assertResumeFinishes(options, 2);
        }
    }

    /**
     * A {@code command:} program whose output fills the disk of its stdout.log (on its first
     * attempt; the second, told by SWEEPER_RESUME_EPOCH that epoch 1 is recorded, prints less).
     */
    @Test
    void aFullDiskUnderACommandsLogStopsTheSweepAndResumeFinishesIt() throws Exception {
        Path script = dir.resolve("chatty.sh");
        Files.writeString(script, """
                echo '{"epoch": 1, "score": 1}'
                if [ "$SWEEPER_RESUME_EPOCH" = 0 ]; then head -c 4000000 /dev/zero | tr '\\0' x | fold -w 100; fi
                echo '{"epoch": 2, "score": 2}'
                """);
        runOnAOneMegabyteRunsDiskThenResume("chatty", script, "x: {values: [1, 2]}", 2);
    }

    /**
     * A {@code command:} program that fails writing its own state on a full disk: its error
     * message to stderr.log is lost with the space, so the full disk of its folder tells.
     */
    @Test
    void aCommandThatFailsOnAFullDiskStopsTheSweepAndResumeFinishesIt() throws Exception {
        Path script = dir.resolve("saver.sh");
        Files.writeString(script, """
                head -c 4000000 /dev/zero > "$SWEEPER_TRIAL_DIR/state" || exit 1
                echo '{"epoch": 1, "score": 1}'
                """);
        runOnAOneMegabyteRunsDiskThenResume("saver", script, "x: {values: [1]}", 1);
    }

    /**
     * Runs a script sweep with its runs folder on a 1 MB disk: it must stop for lack of space with
     * its trials resumable, and `resume` must finish all {@code trials} once the disk has grown.
     */
    private void runOnAOneMegabyteRunsDiskThenResume(String name, Path script, String parameters, int trials)
            throws Exception {
        Path sweep = dir.resolve(name + ".yaml");
        Files.writeString(sweep, ScriptSweeps.grid(name, script, parameters));
        try (SmallDisk runs = SmallDisk.mount(dir.resolve("runs"), "1m")) {
            String[] options = {"--db", db, "--runs", runs.path().toString(), "--workers", "1"};

            CliRun full = CliRun.of(args("run", sweep.toString(), options));

            assertStoppedForLackOfSpace(full, runs.path());
            runs.resize("64m");
            assertResumable(TrialState.CANCELLED);
            assertResumeFinishes(options, trials);
        }
    }

    /**
     * The store's own disk fills up: H2 writes a chunk of its file per commit, and 1 MB soon
     * fills with the epochs of two trials. The message names the database file.
     */
    @Test
    void aFullDiskUnderTheStoreStopsTheSweepAndResumeFinishesIt() throws Exception {
        Path script = dir.resolve("long.sh");
        Files.writeString(script, """
                # the first attempt runs until the store is full, a resumed one ends 3 epochs later
                last=$([ "$SWEEPER_RESUME_EPOCH" = 0 ] && echo 100000 || echo $((SWEEPER_RESUME_EPOCH + 3)))
                for e in $(seq $((SWEEPER_RESUME_EPOCH + 1)) $last); do
                  echo "{\\"epoch\\": $e, \\"score\\": $e, \\"loss\\": 1, \\"a\\": 2, \\"b\\": 3}"
                done
                """);
        Path sweep = dir.resolve("long.yaml");
        Files.writeString(sweep, ScriptSweeps.grid("long", script, "x: {values: [1, 2]}"));
        try (SmallDisk storeDisk = SmallDisk.mount(dir.resolve("store"), "1m")) {
            db = "jdbc:h2:file:" + storeDisk.path().resolve("db");
            String[] options = {"--db", db, "--runs", dir.resolve("runs").toString(), "--workers", "2", "--lease", "2"};

            CliRun full = CliRun.of(args("run", sweep.toString(), options));

            assertStoppedForLackOfSpace(full, storeDisk.path().resolve("db.mv.db"));
            storeDisk.resize("64m");
            // the store could not record the stop: the trials stay running until their leases end
            // (at once when `resume` runs in another process and finds this one gone; here, after --lease)
            assertResumable(TrialState.RUNNING);
            assertResumeFinishes(options, 2);
        }
    }

    /** One line naming the full disk's file or folder, no stack trace, exit code non-zero. */
    private static void assertStoppedForLackOfSpace(CliRun run, Path where) {
        assertThat(run.exitCode()).as(run.out() + run.err()).isNotZero();
        assertThat(run.hasStackTrace()).as(run.err()).isFalse();
        assertThat(run.userError()).contains("no space left", where.toString(), "sweeper resume 1");
    }

    /**
     * Nothing failed, nothing finished: the trials that ran are {@code stopped} for `resume` to
     * run again; no temporary file stayed.
     */
    private void assertResumable(TrialState stopped) throws Exception {
        try (Store store = Store.open(db)) {
            assertThat(store.findSweep("1").state()).isNotEqualTo(SweepState.FINISHED);
            List<TrialRow> trials = store.trials(1);
            assertThat(trials).extracting(TrialRow::state).doesNotContain(TrialState.FAILED, TrialState.FINISHED)
                    .contains(stopped);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(f -> f.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
    }

    private void assertResumeFinishes(String[] options, int trials) {
        CliRun resume = CliRun.of(args("resume", "1", options));
        assertThat(resume.exitCode()).as(resume.err()).isZero();
        try (Store store = Store.open(db)) {
            assertThat(store.findSweep("1").state()).isEqualTo(SweepState.FINISHED);
            assertThat(store.trials(1)).extracting(TrialRow::state).hasSize(trials).containsOnly(TrialState.FINISHED);
        }
    }


    private static String[] args(String command, String target, String... options) {
        return Stream.concat(Stream.of(command, target), Stream.of(options)).toArray(String[]::new);
    }
}
