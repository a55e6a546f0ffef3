package io.sweeper.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.sweeper.train.Datasets;
import io.sweeper.train.Trainer;
import io.sweeper.train.data.LoadOptions;
import io.sweeper.train.data.TestImages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in trainer behind {@link TrialRunner}: what a real (tiny) trial tells its context. */
class BuiltInTrainerRunnerTest {
    @TempDir
    Path data;
    @TempDir
    Path out;

    /** Remembers what the trial reported, as the pool's context would record it. */
    private static final class RecordingContext implements TrialContext {
        final Path outDir;
        final List<Integer> epochs = new ArrayList<>();
        final List<Path> checkpoints = new ArrayList<>();
        final List<Path> confusionMatrices = new ArrayList<>();

        RecordingContext(Path outDir) {
            this.outDir = outDir;
        }

        @Override
        public Path outDir() {
            return outDir;
        }

        @Override
        public int threads() {
            return 1;
        }

        @Override
        public int lastRecordedEpoch() {
            return 0;
        }

        @Override
        public boolean reportEpoch(int epoch, Map<String, Double> metrics) {
            epochs.add(epoch);
            return true;
        }

        @Override
        public void reportCheckpoint(int epoch, Path checkpoint) {
            checkpoints.add(checkpoint);
        }

        @Override
        public void reportConfusionMatrix(Path csv) {
            confusionMatrices.add(csv);
        }
    }

    @Test
    void aFinishedTrialReportsItsConfusionMatrixBesideTheCheckpoint() throws Exception {
        TestImages.copySubset(data, List.of("Sample001", "Sample011"), 8);
        RecordingContext context = new RecordingContext(out);
        TrialRunner.End end = new BuiltInTrainerRunner(new Datasets(LoadOptions.uncached())).run(
                Map.of("data", data.toString(), "model", "lenet", "batch_size", 8, "epochs", 2, "patience", 0),
                context);

        assertThat(end).isEqualTo(TrialRunner.End.FINISHED);
        assertThat(context.epochs).containsExactly(1, 2);
        assertThat(context.confusionMatrices).containsExactly(out.resolve(Trainer.CONFUSION_CSV));
        assertThat(context.confusionMatrices.get(0)).isRegularFile()
                .hasParent(context.checkpoints.get(0).getParent());
    }
}
