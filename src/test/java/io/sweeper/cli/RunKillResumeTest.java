package io.sweeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sweeper.store.EpochMetrics;
import io.sweeper.store.Store;
import io.sweeper.store.SweepState;
import io.sweeper.store.TrialRow;
import io.sweeper.sweep.TrialState;
import io.sweeper.testing.RunsFolders;
import io.sweeper.testing.TrainerSweeps;
import io.sweeper.train.data.TestImages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `sweeper run` of the built-in trainer as a real process, killed with SIGKILL (no shutdown hook
 * runs) in the middle of a trial: `sweeper resume` leaves the finished trial alone, continues the
 * killed one after the last epoch it saved rather than from epoch 1, and finishes the sweep. The
 * lease is long (10 minutes): `resume` on the same machine sees the killed process is gone and does
 * not wait it out.
 */
class RunKillResumeTest {
    /** Of the second trial; the first has 2 and finishes before the kill. */
    private static final int EPOCHS = 8;

    @TempDir
    Path dir;

    @Test
    void aKilledTrialContinuesFromItsLastEpoch() throws Exception {
        Path data = dir.resolve("data");
        TestImages.copySubset(data, List.of("Sample001", "Sample011", "Sample037"), 10);
        Path sweep = dir.resolve("kill.yaml");
        Files.writeString(sweep, TrainerSweeps.lenetGrid("kill", data, """
                  epochs: {values: [2, %d]}
                  patience: {value: 0}
                  batch_size: {value: 8}
                  dropout: {value: 0.3}
                """.formatted(EPOCHS)));
        String db = "jdbc:h2:file:" + dir.resolve("db");
        Path runs = dir.resolve("runs");
        List<String> options = List.of("--db", db, "--workers", "1", "--runs", runs.toString(), "--lease", "600",
                "--cache", dir.resolve("cache").toString());

        Process run = sweeper("run", sweep.toString(), options);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (lines(RunsFolders.trial(runs, 1, 1).resolve("metrics.jsonl")) < 3 && run.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        run.destroyForcibly(); // SIGKILL: no shutdown hook, the trial stays running under its lease
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Path secondLog = RunsFolders.trial(runs, 1, 1).resolve("metrics.jsonl");
        assertThat(lines(secondLog)).as("killed in the second trial's epochs").isBetween(3, EPOCHS - 1);

        Map<Integer, Object> firstTimes;
        Map<Integer, Object> secondTimes;
        int recorded;
        try (Store store = Store.open(db)) {
            TrialRow first = trial(store, 0);
            TrialRow second = trial(store, 1);
            assertThat(first.state()).isEqualTo(TrialState.FINISHED);
            assertThat(second.state()).isEqualTo(TrialState.RUNNING);
            assertThat(second.attempt()).isEqualTo(1);
            recorded = second.lastEpoch().orElseThrow();
            assertThat(recorded).isBetween(2, EPOCHS - 1);
            firstTimes = epochTimes(store, first.id());
            secondTimes = epochTimes(store, second.id());
        }

        Process resume = sweeper("resume", "kill", options);
        String out = new String(resume.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(resume.waitFor(240, TimeUnit.SECONDS)).isTrue();
        String err = Files.readString(dir.resolve("stderr-resume.log"));
        assertThat(resume.exitValue()).as(out + err).isZero();
        assertThat(out).doesNotContain("trial 0 started").contains("trial 1 started");
        assertThat(err).containsPattern("process [^ ]+:" + run.pid() + ": is gone: the leases of its 1 running trial\\(s\\) end now");
        Matcher continuing = Pattern.compile("trial-1: continuing after epoch (\\d+)").matcher(err);
        assertThat(continuing.find()).as(err).isTrue();
        int resumedAfter = Integer.parseInt(continuing.group(1));
        // the state is saved after the store recorded the epoch: at most one epoch behind the store
        assertThat(resumedAfter).isBetween(Math.max(2, recorded - 1), recorded);

        try (Store store = Store.open(db)) {
            assertThat(store.findSweep("kill").state()).isEqualTo(SweepState.FINISHED);
            TrialRow first = trial(store, 0);
            TrialRow second = trial(store, 1);
            assertThat(first.attempt()).as("the finished trial did not run again").isEqualTo(1);
            assertThat(epochTimes(store, first.id())).isEqualTo(firstTimes);
            assertThat(second.state()).isEqualTo(TrialState.FINISHED);
            assertThat(second.attempt()).isEqualTo(2);
            assertThat(store.metrics(second.id())).extracting(EpochMetrics::epoch)
                    .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, EPOCHS).boxed().toList());
            Map<Integer, Object> after = epochTimes(store, second.id());
            for (int epoch = 1; epoch <= EPOCHS; epoch++) {
                if (epoch <= resumedAfter) {
                    assertThat(after.get(epoch)).as("epoch %d was not trained again", epoch).isEqualTo(secondTimes.get(epoch));
                } else {
                    assertThat(after.get(epoch)).as("epoch %d was trained by the second attempt", epoch)
                            .isNotEqualTo(secondTimes.get(epoch));
                }
            }
        }
        assertThat(Files.readAllLines(secondLog)).hasSize(EPOCHS);
    }

    private static int lines(Path file) throws Exception {
        return Files.exists(file) ? (int) Files.readAllLines(file).stream().filter(l -> l.endsWith("}")).count() : 0;
    }

    private static TrialRow trial(Store store, int number) {
        return store.trials(store.findSweep("kill").id()).stream().filter(t -> t.number() == number).findFirst().orElseThrow();
    }

    /** When the store recorded each epoch of a trial (an epoch recorded again gets a new time). */
    private static Map<Integer, Object> epochTimes(Store store, long trialId) {
        return store.query("SELECT epoch, MAX(at) FROM metric WHERE trial_id = " + trialId + " GROUP BY epoch", 1000)
                .rows().stream().collect(Collectors.toMap(r -> ((Number) r.get(0).orElseThrow()).intValue(),
                        r -> r.get(1).orElseThrow()));
    }

    private Process sweeper(String command, String target, List<String> options) throws Exception {
        List<String> args = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // one core: one single-threaded trial, so a busy machine does not make its threads spin
                "-XX:ActiveProcessorCount=1", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                command, target));
        args.addAll(options);
        return new ProcessBuilder(args).directory(dir.toFile())
                .redirectError(dir.resolve("stderr-" + command + ".log").toFile()).start();
    }
}
