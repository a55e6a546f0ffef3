package io.sweeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sweeper.store.Store;
import io.sweeper.store.SweepState;
import io.sweeper.store.TrialRow;
import io.sweeper.sweep.TrialState;
import io.sweeper.testing.ScriptSweeps;
import io.sweeper.testing.SmallDisk;
import io.sweeper.train.data.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
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

    /**
     * 3 MB hold the first epoch of a tiny lenet trial (its resume state, ≈ 1.7 MB, and checkpoint,
     * ≈ 0.6 MB) but not the second, whose resume state is written beside the first before
     * replacing it.
     */
    @Test
    void aFullRunsFolderStopsTheSweepAndResumeFinishesIt() throws Exception {
        Path data = TestImages.copySubset(dir.resolve("data"), List.of("Sample001", "Sample011", "Sample037"), 10);
        Path sweep = dir.resolve("tiny.yaml");
        Files.writeString(sweep, """
                name: tiny
                program: train
                method: grid
                metric: {name: val_accuracy, goal: maximize}
                parameters:
                  data: {value: %s}
                  model: {value: lenet}
                  epochs: {value: 2}
                  patience: {value: 0}
                  batch_size: {value: 8}
                  dropout: {values: [0.2, 0.3]}
                """.formatted(data));
        try (SmallDisk runs = SmallDisk.mount(dir.resolve("runs"), "3m")) {
            String[] options = {"--db", db(), "--runs", runs.path().toString(), "--workers", "1",
                "--cache", dir.resolve("cache").toString()};

            CliRun full = CliRun.of(args("run", sweep.toString(), options));

            assertStoppedForLackOfSpace(full, runs.path());
            runs.resize("64m");
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
        Path sweep = dir.resolve("chatty.yaml");
        Files.writeString(sweep, ScriptSweeps.grid("chatty", script, "x: {values: [1, 2]}"));
        try (SmallDisk runs = SmallDisk.mount(dir.resolve("runs"), "1m")) {
            String[] options = {"--db", db(), "--runs", runs.path().toString(), "--workers", "1"};

            CliRun full = CliRun.of(args("run", sweep.toString(), options));

            assertStoppedForLackOfSpace(full, runs.path());
            runs.resize("64m");
            assertResumeFinishes(options, 2);
        }
    }

    private void assertStoppedForLackOfSpace(CliRun run, Path disk) throws Exception {
        assertThat(run.exitCode()).as(run.err()).isNotZero();
        assertThat(run.hasStackTrace()).as(run.err()).isFalse();
        assertThat(run.userError()).contains("no space left", disk.toString(), "sweeper resume 1");
        try (Store store = Store.open(db())) {
            assertThat(store.findSweep("1").state()).isNotEqualTo(SweepState.FINISHED);
            List<TrialRow> trials = store.trials(1);
            assertThat(trials).extracting(TrialRow::state).doesNotContain(TrialState.FAILED, TrialState.FINISHED)
                    .contains(TrialState.CANCELLED);
        }
        try (Stream<Path> files = Files.walk(disk)) {
            assertThat(files.filter(f -> f.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
    }

    private void assertResumeFinishes(String[] options, int trials) {
        CliRun resume = CliRun.of(args("resume", "1", options));
        assertThat(resume.exitCode()).as(resume.err()).isZero();
        try (Store store = Store.open(db())) {
            assertThat(store.findSweep("1").state()).isEqualTo(SweepState.FINISHED);
            assertThat(store.trials(1)).extracting(TrialRow::state).hasSize(trials).containsOnly(TrialState.FINISHED);
        }
    }

    private String db() {
        return "jdbc:h2:file:" + dir.resolve("db");
    }

    private static String[] args(String command, String target, String... options) {
        return Stream.concat(Stream.of(command, target), Stream.of(options)).toArray(String[]::new);
    }
}
