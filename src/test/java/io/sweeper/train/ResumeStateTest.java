package io.sweeper.train;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.sweeper.train.data.LoadOptions;
import io.sweeper.train.data.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A trial stopped after some epochs and resumed from its {@link ResumeState} goes on exactly as
 * an uninterrupted one; a state that cannot be used is refused with a warning, never a crash.
 */
class ResumeStateTest {
    private static final int EPOCHS = 5;
    private static final int STOP_AFTER = 2;

    @TempDir
    static Path data;
    @TempDir
    Path out;
    private final ListAppender<ILoggingEvent> warnings = new ListAppender<>();

    @BeforeAll
    static void fewClasses() throws Exception {
        TestImages.copySubset(data, List.of("Sample001", "Sample011", "Sample037"), 10);
    }

    @BeforeEach
    void listen() {
        warnings.start();
        ((Logger) LoggerFactory.getLogger(ResumeState.class)).addAppender(warnings);
    }

    @AfterEach
    void stopListening() {
        ((Logger) LoggerFactory.getLogger(ResumeState.class)).detachAppender(warnings);
    }

    /** Dropout, augmentation and patience, so every piece of the state and every random stream matters. */
    private static TrialConfig config(Map<String, ?> overrides) {
        Map<String, Object> base = new HashMap<>(Map.of("data", data.toString(), "model", "lenet", "batch_size", 8,
                "epochs", EPOCHS, "patience", 3, "dropout", 0.3, "rotation", 10, "shear", 5, "threads", 1));
        base.putAll(overrides);
        return TrialConfig.of(base, "test");
    }

    private static Trainer trainer() {
        return new Trainer(new Datasets(LoadOptions.uncached()));
    }

    private static EpochListener collect(List<EpochMetrics> into, int stopAfter) {
        return m -> {
            into.add(m);
            return m.epoch() == stopAfter ? EpochListener.Verdict.STOP : EpochListener.Verdict.CONTINUE;
        };
    }

    @Test
    void aResumedTrialHasTheEpochsOfAnUninterruptedOne() {
        List<EpochMetrics> whole = new ArrayList<>();
        TrialResult uninterrupted = trainer().run(config(Map.of()), out.resolve("whole"), collect(whole, -1));

        Path dir = out.resolve("killed");
        List<EpochMetrics> parts = new ArrayList<>();
        trainer().run(config(Map.of()), dir, collect(parts, STOP_AFTER));
        Optional<ResumeState> state = ResumeState.read(dir, config(Map.of()));
        assertThat(state).isPresent();
        assertThat(state.get().epoch()).isEqualTo(STOP_AFTER);
        TrialResult resumed = trainer().run(config(Map.of()), dir, collect(parts, -1), state);

        assertThat(parts).extracting(EpochMetrics::epoch).containsExactlyElementsOf(
                whole.stream().map(EpochMetrics::epoch).toList());
        for (int i = 0; i < whole.size(); i++) {
            assertSameEpoch(parts.get(i), whole.get(i));
        }
        assertThat(resumed.epochsRun()).isEqualTo(uninterrupted.epochsRun());
        assertThat(resumed.stopReason()).isEqualTo(uninterrupted.stopReason());
        assertSameEpoch(resumed.best(), uninterrupted.best());
        assertThat(Checkpoint.read(resumed.checkpoint()).epoch()).isEqualTo(uninterrupted.best().epoch());
        assertThat(warnings.list).isEmpty();
    }

    @Test
    void aStateOfTheLastEpochResumesToTheSameEnd() {
        Path dir = out.resolve("done");
        TrialResult done = trainer().run(config(Map.of("epochs", 2)), dir, EpochListener.NONE);
        List<EpochMetrics> more = new ArrayList<>();
        TrialResult again = trainer().run(config(Map.of("epochs", 2)), dir, collect(more, -1),
                ResumeState.read(dir, config(Map.of("epochs", 2))));
        assertThat(more).as("nothing left to train").isEmpty();
        assertThat(again.epochsRun()).isEqualTo(2);
        assertThat(again.best()).isEqualTo(done.best());
    }

    private static void assertSameEpoch(EpochMetrics actual, EpochMetrics expected) {
        Offset<Double> tolerance = Offset.offset(1e-6);
        assertThat(actual.epoch()).isEqualTo(expected.epoch());
        assertThat(actual.loss()).isCloseTo(expected.loss(), tolerance);
        assertThat(actual.accuracy()).isCloseTo(expected.accuracy(), tolerance);
        assertThat(actual.valLoss()).isCloseTo(expected.valLoss(), tolerance);
        assertThat(actual.valAccuracy()).isCloseTo(expected.valAccuracy(), tolerance);
    }

    @Test
    void theThreadCountMayDifferButNotTheParameters() {
        trainer().run(config(Map.of()), out, collect(new ArrayList<>(), 1));
        assertThat(ResumeState.read(out, config(Map.of("threads", 2, "epochs", EPOCHS + 5)))).isPresent();
        assertThat(ResumeState.read(out, config(Map.of("dropout", 0.4)))).isEmpty();
        assertThat(warnings.list).singleElement().extracting(ILoggingEvent::getFormattedMessage).asString()
                .contains(ResumeState.FILE, "other parameters", "starts over from epoch 1");
    }

    @Test
    void noStateIsNoWarning() {
        assertThat(ResumeState.read(out, config(Map.of()))).isEmpty();
        assertThat(warnings.list).isEmpty();
    }

    @Test
    void aTruncatedOrDamagedStateIsRefusedWithAWarning() throws Exception {
        trainer().run(config(Map.of()), out, collect(new ArrayList<>(), 1));
        Path file = out.resolve(ResumeState.FILE);
        byte[] whole = Files.readAllBytes(file);

        Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2));
        assertThat(ResumeState.read(out, config(Map.of()))).isEmpty();
        byte[] flipped = whole.clone();
        flipped[whole.length / 2] ^= 0x10;
        Files.write(file, flipped);
        assertThat(ResumeState.read(out, config(Map.of()))).isEmpty();
        Files.write(file, new byte[0]);
        assertThat(ResumeState.read(out, config(Map.of()))).isEmpty();

        assertThat(warnings.list).extracting(ILoggingEvent::getFormattedMessage).satisfiesExactly(
                m -> assertThat(m).contains("checksum mismatch"),
                m -> assertThat(m).contains("checksum mismatch"),
                m -> assertThat(m).contains("not a sweeper resume state"));
        Files.write(file, whole);
        assertThat(ResumeState.read(out, config(Map.of()))).as("the intact state still reads").isPresent();
    }

    /** Stops at the first epoch whose val_loss is not the best so far. */
    private static EpochListener stopAtFirstWorseEpoch() {
        double[] lowest = {Double.POSITIVE_INFINITY};
        return m -> {
            boolean worse = m.valLoss() >= lowest[0];
            lowest[0] = Math.min(lowest[0], m.valLoss());
            return worse ? EpochListener.Verdict.STOP : EpochListener.Verdict.CONTINUE;
        };
    }

    @Test
    void aStateWhoseBestCheckpointIsOfAnotherEpochIsRefused() throws Exception {
        TrialConfig config = config(Map.of("epochs", 20, "learning_rate", 0.01));
        trainer().run(config, out, stopAtFirstWorseEpoch());
        ResumeState state = ResumeState.read(out, config).orElseThrow();
        assertThat(state.best().epoch()).as("the state's own epoch was not the best").isLessThan(state.epoch());
        Path model = out.resolve(Trainer.CHECKPOINT).resolve(Checkpoint.MODEL);
        Files.writeString(model, Files.readString(model).replaceFirst("\"epoch\" : \\d+", "\"epoch\" : 99"));
        assertThat(ResumeState.read(out, config)).isEmpty();
        assertThat(warnings.list).singleElement().extracting(ILoggingEvent::getFormattedMessage).asString()
                .contains("best epoch is " + state.best().epoch() + " but the checkpoint is of epoch 99");
    }

    @Test
    void aKillBeforeTheBestCheckpointWasWrittenIsRepairedOnResume() throws Exception {
        trainer().run(config(Map.of()), out, collect(new ArrayList<>(), 1));
        // killed after the state of epoch 1 (the best) but before its checkpoint was complete
        Files.writeString(out.resolve(Trainer.CHECKPOINT).resolve(Checkpoint.MODEL), "{\"epoch\": ");
        Optional<ResumeState> state = ResumeState.read(out, config(Map.of()));
        assertThat(state).isPresent();
        List<Integer> checkpoints = new ArrayList<>();
        TrialResult result = trainer().run(config(Map.of("epochs", 2)), out, new EpochListener() {
            @Override
            public Verdict onEpoch(EpochMetrics metrics) {
                return Verdict.CONTINUE;
            }

            @Override
            public void onCheckpoint(int epoch, Path checkpoint) {
                checkpoints.add(epoch);
            }
        }, state);
        assertThat(checkpoints).as("epoch 1's checkpoint written and reported again").startsWith(1);
        assertThat(Checkpoint.read(result.checkpoint()).epoch()).isEqualTo(result.best().epoch());
    }

    @Test
    void aResumedMetricsLogKeepsTheEpochsUpToTheState() throws Exception {
        Path file = out.resolve("metrics.jsonl");
        Files.writeString(file, "{\"epoch\":1,\"loss\":1.0}\n{\"epoch\":2,\"loss\":0.9}\n{\"epoch\":3,\"loss\":0.8}\n{\"epoch\":4,\"lo");
        new MetricsLog(file, 2);
        assertThat(Files.readAllLines(file)).containsExactly("{\"epoch\":1,\"loss\":1.0}", "{\"epoch\":2,\"loss\":0.9}");
        new MetricsLog(file);
        assertThat(Files.readAllLines(file)).isEmpty();
    }
}
