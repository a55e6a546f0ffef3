package io.sweeper.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sweeper.SweeperException;
import io.sweeper.train.data.LoadOptions;
import io.sweeper.train.data.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A real trial on a few real classes: epochs reported, checkpoint written and reloadable, stopping. */
class TrainerTest {
    @TempDir
    static Path data;
    @TempDir
    Path out;

    @BeforeAll
    static void fewClasses() throws Exception {
        TestImages.copySubset(data, List.of("Sample001", "Sample011", "Sample037"), 10);
    }

    private static TrialConfig config(Map<String, ?> overrides) {
        Map<String, Object> base = new java.util.HashMap<>(Map.of("data", data.toString(), "model", "lenet",
                "batch_size", 8, "epochs", 3, "patience", 0, "activation", "mish", "rotation", 10, "shear", 5));
        base.putAll(overrides);
        return TrialConfig.of(base, "test");
    }

    private static Trainer trainer() {
        return new Trainer(new Datasets(LoadOptions.uncached()));
    }

    @Test
    void reportsEveryEpochAndWritesAReloadableBestCheckpoint() {
        List<EpochMetrics> seen = new ArrayList<>();
        List<Integer> checkpoints = new ArrayList<>();
        EpochListener listener = new EpochListener() {
            @Override
            public Verdict onEpoch(EpochMetrics metrics) {
                seen.add(metrics);
                return Verdict.CONTINUE;
            }

            @Override
            public void onCheckpoint(int epoch, Path checkpoint) {
                checkpoints.add(epoch);
            }
        };
        TrialResult result = trainer().run(config(Map.of()), out, listener);

        assertThat(seen).extracting(EpochMetrics::epoch).containsExactly(1, 2, 3);
        assertThat(seen).allSatisfy(m -> {
            assertThat(m.loss()).isPositive().isFinite();
            assertThat(m.valAccuracy()).isBetween(0.0, 1.0);
            assertThat(m.seconds()).isPositive();
            assertThat(m.imagesPerSecond()).isPositive();
        });
        assertThat(result.epochsRun()).isEqualTo(3);
        assertThat(result.stopReason()).isEqualTo(TrialResult.StopReason.MAX_EPOCHS);
        EpochMetrics best = seen.stream().min(java.util.Comparator.comparingDouble(EpochMetrics::valLoss)).orElseThrow();
        assertThat(result.best()).isEqualTo(best);
        assertThat(checkpoints).contains(best.epoch()).first().isEqualTo(1);

        Checkpoint.Loaded loaded = Checkpoint.read(result.checkpoint());
        assertThat(loaded.epoch()).isEqualTo(best.epoch());
        assertThat(loaded.labels().labels()).containsExactly("0", "A", "a");
        assertThat(loaded.config()).isEqualTo(config(Map.of()));
        // The reloaded model scores the validation set exactly as the best epoch did.
        Trainer.TrialData trialData = trainer().prepare(loaded.config());
        INDArray x = Trainer.inputs(trialData, trialData.validation(), io.sweeper.train.data.AugmentSpec.none(), null);
        INDArray y = Trainer.oneHot(trialData, trialData.validation());
        assertThat(io.sweeper.train.model.Network.crossEntropy(loaded.network().predict(x), y))
                .isCloseTo(best.valLoss(), org.assertj.core.data.Offset.offset(1e-4));
    }

    @Test
    void aFinishedTrialWritesTheBestWeightsConfusionMatrixOnTheValidationSet() throws Exception {
        List<EpochMetrics> seen = new ArrayList<>();
        TrialResult result = trainer().run(config(Map.of()), out, m -> {
            seen.add(m);
            return EpochListener.Verdict.CONTINUE;
        });

        assertThat(result.confusion()).contains(out.resolve(Trainer.CONFUSION_CSV));
        List<String> lines = Files.readAllLines(out.resolve(Trainer.CONFUSION_CSV));
        assertThat(lines.get(0)).isEqualTo("actual\\predicted,0,A,a");
        long[][] counts = lines.subList(1, lines.size()).stream()
                .map(line -> java.util.Arrays.stream(line.split(",")).skip(1).mapToLong(Long::parseLong).toArray())
                .toArray(long[][]::new);
        assertThat(counts).hasDimensions(3, 3);
        long total = java.util.Arrays.stream(counts).flatMapToLong(java.util.Arrays::stream).sum();
        long right = counts[0][0] + counts[1][1] + counts[2][2];
        assertThat(total).isEqualTo(trainer().prepare(config(Map.of())).validation().length);
        // The matrix is the restored best epoch's, not the last epoch's.
        assertThat((double) right / total).isCloseTo(result.best().valAccuracy(), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void seedSplitHoldsOutTheFirstFifthOfEachClassAndSubsetsApply() {
        Trainer.TrialData d = trainer().prepare(config(Map.of("max_classes", 2, "max_per_class", 5)));
        assertThat(d.classes()).isEqualTo(2);
        assertThat(d.validation()).hasSize(2);
        assertThat(d.train()).hasSize(8);
        assertThat(d.validation()).containsExactly(0, 10);
    }

    @Test
    void aListenerCanStopTheTrial() {
        TrialResult result = trainer().run(config(Map.of("epochs", 10)), out,
                m -> m.epoch() == 2 ? EpochListener.Verdict.STOP : EpochListener.Verdict.CONTINUE);
        assertThat(result.epochsRun()).isEqualTo(2);
        assertThat(result.stopReason()).isEqualTo(TrialResult.StopReason.STOPPED_BY_LISTENER);
        // Stopped means stop now: no extra validation pass.
        assertThat(result.confusion()).isEmpty();
        assertThat(out.resolve(Trainer.CONFUSION_CSV)).doesNotExist();
    }

    @Test
    void sameSeedSameTrial() {
        List<Double> first = new ArrayList<>();
        List<Double> second = new ArrayList<>();
        trainer().run(config(Map.of("epochs", 2)), out.resolve("a"), m -> { first.add(m.loss()); return EpochListener.Verdict.CONTINUE; });
        trainer().run(config(Map.of("epochs", 2)), out.resolve("b"), m -> { second.add(m.loss()); return EpochListener.Verdict.CONTINUE; });
        assertThat(second).containsExactlyElementsOf(first);
    }

    @Test
    void tooFewImagesIsAClearError() {
        assertThatThrownBy(() -> trainer().prepare(config(Map.of("max_per_class", 1))))
                .isInstanceOf(SweeperException.class).hasMessageContaining("too few images");
    }

    @Test
    void metricsLogWritesOneJsonLinePerEpoch() throws Exception {
        Path file = out.resolve("metrics.jsonl");
        trainer().run(config(Map.of("epochs", 2)), out, new MetricsLog(file));
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith("{\"epoch\":2,").contains("\"val_accuracy\":", "\"epoch_seconds\":");
    }
}
