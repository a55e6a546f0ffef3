package io.sweeper.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.sweeper.AtomicFile;
import io.sweeper.SweeperException;
import io.sweeper.train.data.LabelMap;
import io.sweeper.train.model.Network;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained model on disk: a folder with the weights (ND4J's binary format) and {@code model.json}
 * — the trial's full parameters, the label map and the epoch's metrics — so {@code predict} and
 * {@code eval} need nothing else (the provenance rule of STYLE.md).
 */
public final class Checkpoint {
    static final String WEIGHTS = "weights.bin";
    static final String MODEL = "model.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

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
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("format", 1);
        model.put("parameters", config.toMap());
        model.put("input_size", network.spec().imageSize());
        model.put("classes", network.spec().classes());
        model.put("labels", labels.labels().subList(0, network.spec().classes()));
        model.put("folders", labels.folders().subList(0, network.spec().classes()));
        model.put("epoch", metrics.epoch());
        model.put("metrics", metrics.byName());
        AtomicFile.replace(dir.resolve(MODEL), tmp -> JSON.writeValue(tmp.toFile(), model));
    }

    /** The epoch whose weights the checkpoint in {@code dir} holds. */
    static int epochOf(Path dir) throws IOException {
        Object epoch = JSON.readValue(dir.resolve(MODEL).toFile(), Map.class).get("epoch");
        if (!(epoch instanceof Number n)) {
            throw new IOException(dir.resolve(MODEL) + " names no epoch");
        }
        return n.intValue();
    }

    /** Reads a checkpoint folder (or the folder holding {@code model.json} when given that file). */
    @SuppressWarnings("unchecked")
    public static Loaded read(Path path) {
        Path dir = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
        Path modelFile = dir.resolve(MODEL);
        if (!Files.isRegularFile(modelFile) || !Files.isRegularFile(dir.resolve(WEIGHTS))) {
            throw new SweeperException(path + ": not a sweeper checkpoint (expected " + MODEL + " and " + WEIGHTS
                    + " in it); `sweeper train --out DIR` writes one to DIR/checkpoint");
        }
        try {
            Map<String, Object> model = JSON.readValue(modelFile.toFile(), Map.class);
            TrialConfig config = TrialConfig.of((Map<String, Object>) model.get("parameters"), modelFile.toString());
            LabelMap labels = new LabelMap((List<String>) model.get("folders"), (List<String>) model.get("labels"));
            int classes = ((Number) model.get("classes")).intValue();
            int inputSize = ((Number) model.get("input_size")).intValue();
            Network network = Network.build(config.modelSpec(classes, inputSize), config.learningRate());
            network.load(dir.resolve(WEIGHTS));
            return new Loaded(network, config, labels, ((Number) model.get("epoch")).intValue());
        } catch (IOException | RuntimeException e) {
            if (e instanceof SweeperException se) {
                throw se;
            }
            throw new SweeperException(dir + ": checkpoint is unreadable or damaged (" + e.getMessage() + ")", e);
        }
    }
}
