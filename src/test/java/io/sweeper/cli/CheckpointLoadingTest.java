package io.sweeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sweeper.store.CheckpointRow;
import io.sweeper.store.Store;
import io.sweeper.store.TrialRow;
import io.sweeper.testing.TrainerSweeps;
import io.sweeper.train.data.TestImages;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What {@code predict} and {@code eval} accept as a checkpoint: a real one, written by a one-trial
 * sweep of the built-in trainer (lenet, 3 classes × 10 images, 1 epoch) and recorded in its H2
 * store, then damaged the ways files get damaged. Copies of it are unknown to the store, so
 * they are loaded without the sha256 check and show what model.json and weight checks alone catch.
 */
class CheckpointLoadingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;
    static Path data;
    static String db;
    /** The trial's checkpoint folder, as the store recorded it. */
    static Path recorded;

    @TempDir
    Path scratch;

    @BeforeAll
    static void aSweepRecordsACheckpoint() throws Exception {
        data = TestImages.copySubset(shared.resolve("data"), List.of("Sample002", "Sample012", "Sample038"), 10);
        Path sweep = shared.resolve("tiny.yaml");
        Files.writeString(sweep, TrainerSweeps.lenetGrid("tiny", data, """
                  epochs: {value: 1}
                  batch_size: {value: 8}
                """));
        db = "jdbc:h2:file:" + shared.resolve("db");
        CliRun run = CliRun.of("run", sweep.toString(), "--db", db, "--workers", "1",
                "--runs", shared.resolve("runs").toString(), "--cache", shared.resolve("cache").toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        try (Store store = Store.open(db)) {
            TrialRow trial = store.trials(store.findSweep("tiny").id()).get(0);
            List<CheckpointRow> checkpoints = store.checkpoints(trial.id());
            assertThat(checkpoints).isNotEmpty();
            recorded = checkpoints.get(checkpoints.size() - 1).path();
        }
    }

    @Test
    void anIntactRecordedCheckpointPredicts() {
        CliRun run = predict(recorded);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines()).hasSize(10);
        assertThat(run.err()).doesNotContain("note:");
    }

    @Test
    void aStoreThatCannotBeOpenedIsNotedAndTheCheckSkipped() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        CliRun run = CliRun.of("predict", "--model", recorded.toString(), "--db",
                "jdbc:postgresql://127.0.0.1:" + closedPort + "/s?connectTimeout=5", data.resolve("Sample012").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("note: the checkpoint's sha256 was not checked: cannot reach PostgreSQL");
        assertThat(run.out().lines()).hasSize(10);
    }

    @Test
    void aDeviceIsNotAnImage() {
        assertRefused(CliRun.of("predict", "--model", recorded.toString(), "--db", db, "/dev/zero"),
                "/dev/zero: not a regular file or a folder");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "classes             | classes is missing",
        "labels              | labels is missing",
        "format              | format is missing",
        "parameters          | parameters is missing",
        "parameters.pipeline | parameters.pipeline is missing",
        "parameters.activation | parameters.activation is missing",
        "parameters.model    | parameters.model is missing",
    })
    void aMissingKeyIsNamed(String key, String message) throws Exception {
        Path copy = copyOfRecorded();
        ObjectNode model = (ObjectNode) JSON.readTree(copy.resolve("model.json").toFile());
        String[] path = key.split("\\.");
        ObjectNode parent = path.length == 1 ? model : (ObjectNode) model.get(path[0]);
        parent.remove(path[path.length - 1]);
        JSON.writeValue(copy.resolve("model.json").toFile(), model);

        assertRefused(predict(copy), copy.resolve("model.json") + ": " + message
                + "; the checkpoint is damaged or from an incompatible version");
    }

    @Test
    void aValueOfTheWrongKindIsNamed() throws Exception {
        Path copy = copyOfRecorded();
        ObjectNode model = (ObjectNode) JSON.readTree(copy.resolve("model.json").toFile());
        ((ArrayNode) model.get("labels")).remove(0);
        JSON.writeValue(copy.resolve("model.json").toFile(), model);
        assertRefused(predict(copy), copy.resolve("model.json") + ": labels has 2 entries but classes is 3");

        model.put("classes", "three");
        JSON.writeValue(copy.resolve("model.json").toFile(), model);
        assertRefused(predict(copy), copy.resolve("model.json") + ": classes has the wrong type");
    }

    @Test
    void overwrittenWeightsOfARecordedCheckpointAreRefusedByTheirSha256() throws Exception {
        Path weights = recorded.resolve("weights.bin");
        byte[] original = Files.readAllBytes(weights);
        try (FileChannel file = FileChannel.open(weights, StandardOpenOption.WRITE)) {
            byte[] half = new byte[256];
            for (int i = 0; i < half.length; i += 4) {
                half[i] = 0x3f; // 0.5f big-endian, a tiny number little-endian: finite either way
            }
            file.write(ByteBuffer.wrap(half), original.length / 2);
        }
        try {
            assertRefused(predict(recorded), recorded + ": its files are not the ones recorded for epoch 1");
            CliRun eval = CliRun.of("eval", "--model", recorded.toString(), "--data", data.toString(), "--db", db,
                    "--confusion", scratch.resolve("c.csv").toString(), "--cache", shared.resolve("cache").toString());
            assertRefused(eval, recorded + ": its files are not the ones recorded");
        } finally {
            Files.write(weights, original);
        }
        assertThat(predict(recorded).exitCode()).as("the restored files verify again").isZero();
    }

    @Test
    void weightsWithNaNAreRefused() throws Exception {
        Path copy = copyOfRecorded();
        Path weights = copy.resolve("weights.bin");
        INDArray values = Nd4j.readBinary(weights.toFile());
        values.putScalar(7, Double.NaN);
        values.putScalar(8, Double.POSITIVE_INFINITY);
        Nd4j.saveBinary(values, weights.toFile());

        assertRefused(predict(copy), weights + ": 2 of its " + values.length() + " values are NaN or infinite");
    }

    @Test
    void labelsArePrintedWithTheirControlCharactersEscaped() throws Exception {
        Path copy = copyOfRecorded();
        ObjectNode model = (ObjectNode) JSON.readTree(copy.resolve("model.json").toFile());
        ArrayNode labels = JSON.createArrayNode().add("\u001b[31mred").add("two\nlines").add("b");
        model.set("labels", labels);
        JSON.writeValue(copy.resolve("model.json").toFile(), model);

        CliRun run = predict(copy);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).doesNotContain("\u001b").contains("\\e[31mred", "two\\nlines");
        assertThat(run.out().lines()).as("one line per image, no more").hasSize(10);
    }

    private static CliRun predict(Path checkpoint) {
        return CliRun.of("predict", "--model", checkpoint.toString(), "--db", db, data.resolve("Sample012").toString());
    }

    private Path copyOfRecorded() throws IOException {
        Path copy = Files.createDirectories(scratch.resolve("copy"));
        try (Stream<Path> files = Files.list(recorded)) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        return copy;
    }

    private static void assertRefused(CliRun run, String message) {
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(Main.USER_ERROR);
        assertThat(run.userError()).startsWith("sweeper: " + message);
        assertThat(run.hasStackTrace()).as(run.err()).isFalse();
        assertThat(Arrays.stream(run.err().split("\n")).filter(l -> l.startsWith("sweeper: "))).hasSize(1);
    }
}
