package io.sweeper.train;

import io.sweeper.AtomicFile;
import io.sweeper.SweeperException;
import io.sweeper.train.data.LabelMap;
import io.sweeper.train.model.Network;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A trained model on disk: a folder with the weights (ND4J's binary format) and {@code model.json}
 * — the trial's full parameters, the label map and the epoch's metrics — so {@code predict} and
 * {@code eval} need nothing else (the provenance rule of STYLE.md).
 */
public final class Checkpoint {
    static final String WEIGHTS = "weights.bin";
    static final String MODEL = "model.json";

    /** A model read back from disk. */
    public record Loaded(Network network, TrialConfig config, LabelMap labels, int epoch) {
    }

    private Checkpoint() {
    }

    /** Writes (or replaces) the checkpoint in {@code dir}; the weights file is replaced atomically. */
    public static void write(Path dir, Network network, TrialConfig config, LabelMap labels, EpochMetrics metrics)
            throws IOException {
        Files.createDirectories(dir);
        network.save(dir.resolve(WEIGHTS));
        ModelJson model = ModelJson.of(config, network.spec(), labels, metrics);
        AtomicFile.replace(dir.resolve(MODEL), model::write);
    }

    /** The epoch whose weights the checkpoint in {@code dir} holds. */
    static int epochOf(Path dir) {
        return ModelJson.read(dir.resolve(MODEL)).epoch();
    }

    /** The checkpoint folder {@code path} names: itself, or the folder of its {@code model.json}. */
    public static Path folderOf(Path path) {
        return Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
    }

    /**
     * Reads a checkpoint folder (or the folder holding {@code model.json} when given that file):
     * {@code model.json} checked field by field ({@link ModelJson}), the weights checked to fit the
     * network it describes and to be finite numbers. Every problem is a SweeperException naming the
     * file.
     */
    public static Loaded read(Path path) {
        Path dir = folderOf(path);
        Path modelFile = dir.resolve(MODEL);
        Path weightsFile = dir.resolve(WEIGHTS);
        if (!Files.isRegularFile(modelFile) || !Files.isRegularFile(weightsFile)) {
            throw new SweeperException(path + ": not a sweeper checkpoint (expected " + MODEL + " and " + WEIGHTS
                    + " in it); `sweeper train --out DIR` writes one to DIR/checkpoint");
        }
        ModelJson model = ModelJson.read(modelFile);
        TrialConfig config = model.config(modelFile);
        Network network;
        try {
            network = Network.build(config.modelSpec(model.classes(), model.inputSize()), config.learningRate());
        } catch (RuntimeException e) {
            throw new SweeperException(modelFile + ": describes a network that cannot be built (" + e.getMessage()
                    + "); the checkpoint is damaged or from an incompatible version", e);
        }
        try {
            network.load(weightsFile);
        } catch (IOException | RuntimeException e) {
            throw new SweeperException(weightsFile + ": unreadable or damaged (" + e.getMessage() + ")", e);
        }
        long notFinite = network.nonFiniteValues();
        if (notFinite > 0) {
            throw new SweeperException(weightsFile + ": " + notFinite + " of its " + network.valueCount()
                    + " values are NaN or infinite; the file is damaged or the training diverged, so it cannot predict");
        }
        return new Loaded(network, config, model.labelMap(), model.epoch());
    }
}
