package io.sweeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sweeper.store.CheckpointRow;
import io.sweeper.store.ClaimedTrial;
import io.sweeper.store.Store;
import io.sweeper.store.SweepState;
import io.sweeper.store.TestDatabase;
import io.sweeper.store.TrialRow;
import io.sweeper.sweep.Goal;
import io.sweeper.sweep.TrialState;
import io.sweeper.testing.ScriptSweeps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trial folders of stores that share one --runs folder: each store writes under its own id, every
 * recorded checkpoint stays the file that was recorded (its SHA-256 matches), a folder that
 * belongs to another trial is refused, and sweeps recorded before store ids keep their folders.
 */
class TrialFoldersTest {
    @TempDir
    Path dir;
    private Path runs;
    private Path sweepFile;

    /**
     * A one-epoch-per-attempt {@code command:} sweep whose checkpoint, model.txt in the trial's
     * folder, says which trial wrote it and what it found there from an earlier attempt.
     */
    @BeforeEach
    void sweepFile() throws Exception {
        runs = dir.resolve("runs");
        Path script = dir.resolve("train.sh");
        Files.writeString(script, """
                before=$(cat "$SWEEPER_TRIAL_DIR/model.txt" 2>/dev/null || echo nothing)
                echo "$1 after $before" > "$SWEEPER_TRIAL_DIR/model.txt"
                echo "{\\"epoch\\": $((SWEEPER_RESUME_EPOCH + 1)), \\"score\\": 1, \\"checkpoint\\": \\"$SWEEPER_TRIAL_DIR/model.txt\\"}"
                """);
        sweepFile = dir.resolve("sweep.yaml");
        Files.writeString(sweepFile, ScriptSweeps.grid("shared", script, "x: {values: [1, 2]}"));
    }

    @Test
    void twoStoresSharingARunsFolderKeepTheirOwnCheckpoints() throws Exception {
        assertTwoStoresKeepTheirOwnCheckpoints(db("a"), db("b"));
    }

    /** The case: the quickstart's H2 file, then a sweep 1 on PostgreSQL, one runs folder. */
    @Test
    void anH2AndAPostgresStoreSharingARunsFolderKeepTheirOwnCheckpoints() throws Exception {
        try (TestDatabase postgres = TestDatabase.postgres()) {
            assertTwoStoresKeepTheirOwnCheckpoints(db("h2"), postgres.url());
        }
    }

    private void assertTwoStoresKeepTheirOwnCheckpoints(String a, String b) throws Exception {
        assertThat(run("run", sweepFile.toString(), a).exitCode()).isZero();
        assertThat(run("run", sweepFile.toString(), b).exitCode()).isZero();

        List<CheckpointRow> ofA = checkpointsIntact(a);
        List<CheckpointRow> ofB = checkpointsIntact(b);
        assertThat(ofA).hasSize(2);
        assertThat(ofB).hasSize(2);
        assertThat(ofA).extracting(CheckpointRow::path).doesNotContainAnyElementsOf(
                ofB.stream().map(CheckpointRow::path).toList());
    }

    @Test
    void aFolderThatBelongsToAnotherTrialIsRefusedAndResumeWorksOnceItIsMovedAway() throws Exception {
        String db = db("a");
        UUID self;
        try (Store store = Store.open(db)) {
            self = store.identity();
        }
        Path folder = runs.resolve(self.toString().substring(0, 8)).resolve("sweep-1").resolve("trial-0");
        Files.createDirectories(folder);
        String foreignOwner = "{\"store\": \"" + UUID.randomUUID() + "\", \"sweep\": 1, \"trial\": 0}";
        Files.writeString(folder.resolve("owner.json"), foreignOwner);
        Files.writeString(folder.resolve("model.txt"), "another store's model\n");

        CliRun refused = run("run", sweepFile.toString(), db);

        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.hasStackTrace()).as(refused.err()).isFalse();
        assertThat(refused.userError()).contains(folder.toString(), "belongs to", "sweeper resume 1");
        assertThat(Files.readString(folder.resolve("model.txt"))).isEqualTo("another store's model\n");
        assertThat(Files.readString(folder.resolve("owner.json"))).isEqualTo(foreignOwner);
        try (Store store = Store.open(db)) {
            assertThat(store.findSweep("1").state()).isNotEqualTo(SweepState.FINISHED);
            assertThat(store.trials(1)).extracting(TrialRow::state).doesNotContain(TrialState.FAILED);
        }

        Files.move(folder, dir.resolve("moved-away"));
        assertThat(run("resume", "1", db).exitCode()).isZero();
        assertThat(checkpointsIntact(db)).hasSize(2);
    }

    /**
     * Sweeps recorded before store ids wrote to RUNS/sweep-N/trial-M: trial 0's checkpoint there
     * is still the recorded one, so it continues there; trial 1's was overwritten (by another
     * store's sweep 1, say), so it is not this trial's folder any more: it continues in a new one
     * and the old one is left as it is.
     */
    @Test
    void aSweepOfTheOldLayoutContinuesInItsFoldersWhenTheyStillHoldItsCheckpoints() throws Exception {
        String db = db("old");
        Path[] old = {runs.resolve("sweep-1/trial-0"), runs.resolve("sweep-1/trial-1")};
        try (Store store = Store.open(db)) {
            long id = store.createSweep("shared", Files.readString(sweepFile), "grid", "score", Goal.MAXIMIZE);
            for (int number = 0; number < 2; number++) {
                store.addTrial(id, number, "{\"x\": " + (number + 1) + "}");
                ClaimedTrial trial = store.claimNextTrial(id, "old:1:" + number, Duration.ofMinutes(1)).orElseThrow();
                store.recordEpoch(trial.lease(), 1, Map.of("score", 1.0));
                Path model = Files.createDirectories(old[number]).resolve("model.txt");
                Files.writeString(model, "--x=" + (number + 1) + " after nothing\n");
                byte[] bytes = Files.readAllBytes(model);
                store.recordCheckpoint(trial.lease(), 1, model, sha256(bytes), bytes.length);
            }
            store.stopWorking(id, "old:1:", Duration.ofMinutes(1));
        }
        Files.writeString(old[1].resolve("model.txt"), "another store's model\n");

        assertThat(run("resume", "1", db).exitCode()).isZero();

        List<CheckpointRow> latest = checkpointsIntact(db);
        assertThat(latest.get(0).path()).isEqualTo(old[0].resolve("model.txt"));
        assertThat(Files.readString(latest.get(0).path())).isEqualTo("--x=1 after --x=1 after nothing\n");
        assertThat(latest.get(1).path()).isNotEqualTo(old[1].resolve("model.txt"));
        assertThat(Files.readString(latest.get(1).path())).isEqualTo("--x=2 after nothing\n");
        assertThat(Files.readString(old[1].resolve("model.txt"))).isEqualTo("another store's model\n");
    }

    /**
     * Each trial's last recorded checkpoint, by trial number, after asserting that each is still
     * the file recorded: same SHA-256, and written by that trial.
     */
    private static List<CheckpointRow> checkpointsIntact(String db) throws Exception {
        try (Store store = Store.open(db)) {
            List<TrialRow> trials = store.trials(1).stream().sorted(Comparator.comparingInt(TrialRow::number)).toList();
            assertThat(trials).extracting(TrialRow::state).containsOnly(TrialState.FINISHED);
            List<CheckpointRow> latest = new ArrayList<>();
            for (TrialRow trial : trials) {
                CheckpointRow last = store.checkpoints(trial.id()).stream()
                        .max(Comparator.comparingInt(CheckpointRow::epoch)).orElseThrow();
                byte[] bytes = Files.readAllBytes(last.path());
                assertThat(sha256(bytes)).as("%s of trial %d", last.path(), trial.number()).isEqualTo(last.sha256());
                assertThat(new String(bytes)).startsWith("--x=" + (trial.number() + 1) + " ");
                latest.add(last);
            }
            return latest;
        }
    }

    private CliRun run(String command, String target, String db) {
        return CliRun.of(command, target, "--db", db, "--runs", runs.toString(), "--workers", "1");
    }

    private String db(String name) {
        return "jdbc:h2:file:" + dir.resolve(name);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
