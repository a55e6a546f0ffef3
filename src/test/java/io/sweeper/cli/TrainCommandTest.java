package io.sweeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sweeper.train.data.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** `sweeper train`, `predict` and `eval` end to end, and every kind of bad input they can meet. */
class TrainCommandTest {
    @TempDir
    static Path data;
    @TempDir
    static Path out;
    @TempDir
    Path scratch;

    @BeforeAll
    static void fewClasses() throws Exception {
        TestImages.copySubset(data, List.of("Sample002", "Sample012", "Sample038"), 6);
    }

    private static String[] train(Path outDir, String... sets) {
        List<String> args = new java.util.ArrayList<>(List.of("train", "--out", outDir.toString(), "--no-progress",
                "--cache", outDir.resolve("cache").toString(), "--set", "data=" + data, "--set", "model=lenet",
                "--set", "epochs=2", "--set", "batch_size=4"));
        for (String s : sets) {
            args.addAll(List.of("--set", s));
        }
        return args.toArray(String[]::new);
    }

    @Test
    void resumeContinuesAfterTheLastEpoch() throws Exception {
        Path dir = scratch.resolve("run");
        CliRun first = CliRun.of(train(dir));
        assertThat(first.exitCode()).as(first.err()).isZero();

        List<String> args = new java.util.ArrayList<>(List.of(train(dir, "epochs=3")));
        args.add("--resume");
        CliRun resumed = CliRun.of(args.toArray(String[]::new));
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("continuing after epoch 2", "epoch 3/3").doesNotContain("epoch 1/3");
        assertThat(Files.readAllLines(dir.resolve("metrics.jsonl"))).extracting(l -> l.substring(0, 11))
                .containsExactly("{\"epoch\":1,", "{\"epoch\":2,", "{\"epoch\":3,");

        Files.delete(dir.resolve("resume.state"));
        CliRun over = CliRun.of(args.toArray(String[]::new));
        assertThat(over.out()).contains("no usable resume state", "epoch 1/3");
    }

    @Test
    void trainPredictAndEvalWorkEndToEnd() throws Exception {
        CliRun trained = CliRun.of(train(out));
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        assertThat(trained.out()).contains("epoch 1/2", "epoch 2/2", "best epoch", "checkpoint",
                "confusion matrix (validation set): " + out.resolve("confusion.csv"));
        assertThat(Files.readAllLines(out.resolve("metrics.jsonl"))).hasSize(2);

        Path checkpoint = out.resolve("checkpoint");
        // a store that does not exist: predict and eval must not read (or create) the user's default one
        String noStore = "jdbc:h2:file:" + scratch.resolve("no-store");
        CliRun predicted = CliRun.of("predict", "--model", checkpoint.toString(), "--db", noStore,
                data.resolve("Sample012").toString());
        assertThat(predicted.exitCode()).as(predicted.err()).isZero();
        List<String> lines = predicted.out().lines().toList();
        assertThat(lines).hasSize(6);
        // top-3 of three classes: every label once, probabilities summing to 1
        assertThat(lines.get(0)).contains(" 1 ", " B ", " b ");

        Path csv = scratch.resolve("confusion.csv");
        CliRun evaluated = CliRun.of("eval", "--model", checkpoint.toString(), "--data", data.toString(), "--db", noStore,
                "--confusion", csv.toString(), "--cache", scratch.resolve("cache").toString());
        assertThat(evaluated.exitCode()).as(evaluated.err()).isZero();
        assertThat(evaluated.out()).contains("accuracy", "on 18 images", "  B: ");
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0)).isEqualTo("actual\\predicted,1,B,b");
        long counted = rows.stream().skip(1).flatMap(r -> java.util.Arrays.stream(r.split(",")).skip(1))
                .mapToLong(Long::parseLong).sum();
        assertThat(counted).isEqualTo(18);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "model=resnet        | model = resnet: must be one of lenet, mnist-cnn",
        "activation=swoosh   | activation = swoosh: must be one of",
        "batch_size=abc      | batch_size = abc: must be a number",
        "batch_size=2.5      | batch_size = 2.5: must be a whole number",
        "dropout=1.5         | dropout = 1.5: must be in [0, 0.95]",
        "learning_rate=-1    | learning_rate = -1: must be in",
        "pipeline=fancy      | pipeline = fancy: must be one of seed, clean",
        "crop=maybe          | crop = maybe: must be true or false",
        "dropuot=0.3         | unknown trial parameter 'dropuot' (did you mean 'dropout'?)",
        "epochs              | --set epochs: expected KEY=VALUE",
    })
    void badParametersGiveOneLineNamingTheKey(String set, String expected) {
        CliRun run = CliRun.of(train(scratch, set));
        assertThat(run.exitCode()).isEqualTo(Main.USER_ERROR);
        assertThat(run.userError()).contains(expected.trim());
        assertThat(run.hasStackTrace()).isFalse();
    }

    @Test
    void badDataFoldersGiveOneLineNamingTheFolder() throws Exception {
        Path empty = Files.createDirectories(scratch.resolve("empty"));
        assertUserError(CliRun.of(train(scratch, "data=" + scratch.resolve("missing"))), "missing");
        assertUserError(CliRun.of(train(scratch, "data=" + empty)), "empty");

        Path noImages = scratch.resolve("noimages");
        TestImages.copySubset(noImages, List.of("Sample002"), 4);
        Files.createDirectories(noImages.resolve("Sample003"));
        Files.writeString(noImages.resolve("Sample003").resolve("notes.txt"), "not an image");
        assertUserError(CliRun.of(train(scratch, "data=" + noImages)), "Sample003");
    }

    @Test
    void corruptImagesFailWithThePathUnlessSkipped() throws Exception {
        Path withBad = scratch.resolve("withbad");
        TestImages.copySubset(withBad, List.of("Sample002", "Sample012"), 6);
        byte[] png = Files.readAllBytes(withBad.resolve("Sample002").resolve("img002-001.png"));
        Files.write(withBad.resolve("Sample002").resolve("truncated.png"), java.util.Arrays.copyOf(png, png.length / 3));
        Files.writeString(withBad.resolve("Sample012").resolve("fake.png"), "this is text, not a PNG");

        CliRun failed = CliRun.of(train(scratch.resolve("o1"), "data=" + withBad));
        assertUserError(failed, withBad.resolve("Sample002").resolve("truncated.png").toString());

        String[] args = train(scratch.resolve("o2"), "data=" + withBad);
        String[] skipping = java.util.Arrays.copyOf(args, args.length + 1);
        skipping[args.length] = "--skip-bad-images";
        CliRun skipped = CliRun.of(skipping);
        assertThat(skipped.exitCode()).as(skipped.err()).isZero();
        assertThat(skipped.err()).contains("2 skipped");
    }

    @Test
    void badConfigFileNamesFileAndLine() throws Exception {
        Path config = scratch.resolve("trial.yaml");
        Files.writeString(config, "model: lenet\ndropout: [0.1\n");
        CliRun run = CliRun.of("train", "--config", config.toString(), "--out", scratch.toString());
        assertUserError(run, config + ":");
        Files.writeString(config, "model: lenet\ndropout: high\n");
        assertUserError(CliRun.of("train", "--config", config.toString(), "--out", scratch.toString()),
                config + ": dropout = high: must be a number");
    }

    @Test
    void predictWithoutACheckpointSaysWhatACheckpointIs() {
        assertUserError(CliRun.of("predict", "--model", scratch.toString(), data.toString()), "not a sweeper checkpoint");
    }

    private static void assertUserError(CliRun run, String expected) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(Main.USER_ERROR);
        assertThat(run.userError()).contains(expected);
        assertThat(run.hasStackTrace()).as(run.err()).isFalse();
    }
}
