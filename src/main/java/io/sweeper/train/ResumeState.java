package io.sweeper.train;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sweeper.AtomicFile;
import io.sweeper.train.model.Network;
import java.io.ByteArrayInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a trial stood at the end of its last epoch, so a killed trial continues from there instead
 * of from epoch 1: the network's training state (weights, batch-norm statistics, Adam's moments and
 * step count), the early-stopping state and the best epoch's metrics. The best weights are not
 * here but in the best checkpoint, which must be the one of the best epoch recorded here — unless
 * that epoch is the state's own, whose weights are the state's (the trainer saves the state before
 * the checkpoint, and writes the checkpoint again from the state when it resumes).
 * Random draws need no saving: every epoch seeds its shuffle, augmentation and dropout from
 * (seed, epoch) alone ({@link EpochSeeds}).
 *
 * <p>The file, {@value #FILE} in the trial's folder, is binary, big-endian (Java's
 * {@link DataOutputStream}): the magic line {@code SWEEPER-RESUME\n}, the format (int 1), the
 * trial's parameters as UTF-8 JSON (int length, bytes), epoch (int), Adam's iteration (int),
 * early stopping's best val_loss (double) and epochs since it (int), the best epoch's metrics
 * (int epoch, then loss, accuracy, val_loss, val_accuracy, seconds, images/s as doubles), the weights
 * (trainable ones, then batch norm's moving statistics) and the Adam state (m, then v), each as its
 * count (int) and that many floats, and last the CRC-32 of everything before it (long). It is replaced atomically (temp file, then
 * rename), so a kill while writing leaves the previous state; anything else unreadable is rejected
 * by the checksum, and the trial starts over.
 */
public final class ResumeState {
    public static final String FILE = "resume.state";
    private static final Logger LOG = LoggerFactory.getLogger(ResumeState.class);
    private static final byte[] MAGIC = "SWEEPER-RESUME\n".getBytes(StandardCharsets.US_ASCII);
    private static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int epoch;
    private final Network.TrainingState training;
    private final double earlyStoppingBest;
    private final int epochsSinceBest;
    private final EpochMetrics best;

    ResumeState(int epoch, Network.TrainingState training, double earlyStoppingBest, int epochsSinceBest,
            EpochMetrics best) {
        this.epoch = epoch;
        this.training = training;
        this.earlyStoppingBest = earlyStoppingBest;
        this.epochsSinceBest = epochsSinceBest;
        this.best = best;
    }

    /** The last epoch done: a resumed trial continues with the next one. */
    public int epoch() {
        return epoch;
    }

    Network.TrainingState training() {
        return training;
    }

    EarlyStopping earlyStopping(int patience) {
        return new EarlyStopping(patience, earlyStoppingBest, epochsSinceBest);
    }

    EpochMetrics best() {
        return best;
    }

    /**
     * The state saved in {@code trialDir} for this configuration (the thread count and the number of
     * epochs may differ: a trial may be continued for longer), if
     * there is a usable one. A state that is damaged, of other parameters, or whose best
     * checkpoint is not the one it names is not used: a warning says why and the trial starts
     * over, as it would without a state.
     */
    public static Optional<ResumeState> read(Path trialDir, TrialConfig config) {
        Path file = trialDir.resolve(FILE);
        try {
            ResumeState state = parse(Files.readAllBytes(file), config);
            // When the last epoch was the best, the checkpoint is written from the state on resume.
            if (state.best.epoch() < state.epoch) {
                int checkpointEpoch = Checkpoint.epochOf(trialDir.resolve(Trainer.CHECKPOINT));
                if (checkpointEpoch != state.best.epoch()) {
                    throw new IOException("its best epoch is " + state.best.epoch() + " but the checkpoint is of epoch "
                            + checkpointEpoch);
                }
            }
            return Optional.of(state);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            LOG.warn("{}: cannot resume from it ({}); the trial starts over from epoch 1", file, e.getMessage());
            return Optional.empty();
        }
    }

    private static ResumeState parse(byte[] bytes, TrialConfig config) throws IOException {
        if (bytes.length < MAGIC.length + Long.BYTES || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new IOException("not a sweeper resume state");
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - Long.BYTES);
        if (crc.getValue() != ByteBuffer.wrap(bytes, bytes.length - Long.BYTES, Long.BYTES).getLong()) {
            throw new IOException("checksum mismatch: the file is damaged or incomplete");
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, MAGIC.length, bytes.length));
        int format = in.readInt();
        if (format != FORMAT) {
            throw new IOException("format " + format + ", this sweeper reads format " + FORMAT);
        }
        byte[] parameters = in.readNBytes(in.readInt());
        Map<String, Object> saved = JSON.readValue(parameters, new TypeReference<Map<String, Object>>() { });
        TrialConfig savedConfig = TrialConfig.of(saved, FILE).with(Map.of(TrialParameter.THREADS.key(), config.threads(),
                TrialParameter.EPOCHS.key(), config.epochs()), FILE);
        if (!savedConfig.equals(config)) {
            throw new IOException("it was saved by a trial with other parameters");
        }
        int epoch = in.readInt();
        int iteration = in.readInt();
        double earlyStoppingBest = in.readDouble();
        int sinceBest = in.readInt();
        EpochMetrics best = new EpochMetrics(in.readInt(), in.readDouble(), in.readDouble(), in.readDouble(),
                in.readDouble(), in.readDouble(), in.readDouble());
        Network.TrainingState training = new Network.TrainingState(readFloats(in), readFloats(in), iteration);
        return new ResumeState(epoch, training, earlyStoppingBest, sinceBest, best);
    }

    /** Element count, then the floats in one write (ND4J's own writer goes element by element, 50× slower). */
    private static void writeFloats(DataOutputStream out, INDArray array) throws IOException {
        float[] values = array.toFloatVector();
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES);
        bytes.asFloatBuffer().put(values);
        out.writeInt(values.length);
        out.write(bytes.array());
    }

    private static INDArray readFloats(DataInputStream in) throws IOException {
        int count = in.readInt();
        byte[] bytes = in.readNBytes(Math.multiplyExact(count, Float.BYTES));
        if (count < 0 || bytes.length != count * Float.BYTES) {
            throw new IOException("the file ends inside an array");
        }
        float[] values = new float[count];
        ByteBuffer.wrap(bytes).asFloatBuffer().get(values);
        return Nd4j.create(values, new long[] {count}, DataType.FLOAT);
    }

    /** Writes (atomically replaces) the state in {@code trialDir}. */
    void write(Path trialDir, TrialConfig config) throws IOException {
        Files.createDirectories(trialDir);
        AtomicFile.replace(trialDir.resolve(FILE), tmp -> writeTo(tmp, config));
    }

    private void writeTo(Path tmp, TrialConfig config) throws IOException {
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
            CRC32 crc = new CRC32();
            DataOutputStream out = new DataOutputStream(new CheckedOutputStream(file, crc));
            out.write(MAGIC);
            out.writeInt(FORMAT);
            byte[] parameters = JSON.writeValueAsBytes(config.toMap());
            out.writeInt(parameters.length);
            out.write(parameters);
            out.writeInt(epoch);
            out.writeInt(training.iteration());
            out.writeDouble(earlyStoppingBest);
            out.writeInt(epochsSinceBest);
            out.writeInt(best.epoch());
            for (double v : new double[] {best.loss(), best.accuracy(), best.valLoss(), best.valAccuracy(),
                    best.seconds(), best.imagesPerSecond()}) {
                out.writeDouble(v);
            }
            writeFloats(out, training.values());
            writeFloats(out, training.adamState());
            out.flush();
            new DataOutputStream(file).writeLong(crc.getValue());
        }
    }
}
