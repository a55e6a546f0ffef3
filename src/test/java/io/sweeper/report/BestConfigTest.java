package io.sweeper.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.sweeper.store.ClaimedTrial;
import io.sweeper.sweep.Goal;
import io.sweeper.store.Store;
import io.sweeper.store.TrialOutcome;
import io.sweeper.sweep.ConfigFile;
import io.sweeper.sweep.ConfigValues;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BestConfigTest {
    @TempDir
    Path dir;

    /**
     * Values that read back as another type unless written with care: strings that look like a
     * boolean, a number or null, text with a colon or a leading #, and small and large numbers.
     */
    private static final String TRICKY_PARAMS = """
            {"data": "/data/images: set 1", "note": "# not a comment", "flag": "true", "lr_text": "1e-3",
             "missing": "null", "lr": 1.0E-4, "big": 12345678901234, "ratio": 0.30000000000000004,
             "crop": false, "epochs": 400, "quote": "it's \\"quoted\\""}
            """;

    @ParameterizedTest
    @EnumSource(BestConfig.Format.class)
    void theFileReadsBackAsTheSameValues(BestConfig.Format format) throws Exception {
        BestConfig best;
        try (Store store = Store.open("jdbc:h2:file:" + dir.resolve("db"))) {
            long sweepId = store.createSweep("tricky", "method: grid\n", "grid", "val_loss", Goal.MINIMIZE);
            store.addTrial(sweepId, 1, TRICKY_PARAMS);
            ClaimedTrial trial = store.claimNextTrial(sweepId, "w", Duration.ofMinutes(1)).orElseThrow();
            store.recordEpoch(trial.lease(), 1, Map.of("val_loss", 0.25));
            store.finishTrial(trial.lease(), TrialOutcome.finished());
            best = BestConfig.read(store, "tricky");
        }
        Path file = dir.resolve("best." + format.word());
        Files.writeString(file, best.render(format));

        Map<String, Object> read = ConfigValues.normalizeMap(ConfigFile.read(file));
        assertThat(read).containsExactlyEntriesOf(TrialParams.parse(TRICKY_PARAMS));
        assertThat(read).containsEntry("flag", "true").containsEntry("lr", 1.0E-4).containsEntry("crop", false);
    }
}
