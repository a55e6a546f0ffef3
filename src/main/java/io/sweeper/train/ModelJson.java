package io.sweeper.train;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.sweeper.InputFile;
import io.sweeper.SweeperException;
import io.sweeper.train.data.LabelMap;
import io.sweeper.train.model.ModelSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A checkpoint's {@code model.json}, typed: the trial's parameters, the network's input size and
 * classes, the label map, the epoch and its metrics. {@link #read} checks it field by field, so a
 * damaged or foreign file is refused with the file and key named rather than loaded with
 * defaults: the parameters that define the network and its input are required, not defaulted.
 */
@JsonIgnoreProperties(ignoreUnknown = true) // fields a later version adds (provenance, say) do not stop this one
record ModelJson(
        Integer format,
        Map<String, Object> parameters,
        @JsonProperty("input_size") Integer inputSize,
        Integer classes,
        List<String> labels,
        List<String> folders,
        Integer epoch,
        Map<String, Double> metrics) {

    /** The format this sweeper writes and reads. */
    static final int FORMAT = 1;
    /** A model.json is a few kilobytes (62 labels and ~30 parameters); a megabyte is not one. */
    private static final int MAX_BYTES = 1 << 20;
    /**
     * What the network and its preprocessing are built from: a checkpoint without one of them
     * cannot be rebuilt as it was trained, whatever the current defaults are.
     */
    private static final Set<TrialParameter> DEFINING = EnumSet.of(TrialParameter.MODEL, TrialParameter.PIPELINE,
            TrialParameter.IMAGE_SIZE, TrialParameter.CROP, TrialParameter.CROP_MARGIN, TrialParameter.ACTIVATION,
            TrialParameter.DROPOUT, TrialParameter.BN_MOMENTUM, TrialParameter.TEMPERATURE,
            TrialParameter.TEMPERATURE_AT);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** What a checkpoint of {@code network} records; the label map may list more classes than it has. */
    static ModelJson of(TrialConfig config, ModelSpec network, LabelMap labels, EpochMetrics metrics) {
        int classes = network.classes();
        return new ModelJson(FORMAT, config.toMap(), network.imageSize(), classes, labels.labels().subList(0, classes),
                labels.folders().subList(0, classes), metrics.epoch(), metrics.byName());
    }

    void write(Path file) throws IOException {
        JSON.writeValue(file.toFile(), this);
    }

    /** Reads and checks {@code file}; every problem is a SweeperException naming the file and key. */
    static ModelJson read(Path file) {
        byte[] bytes = InputFile.read(file, MAX_BYTES, "checkpoint model.json files");
        ModelJson model;
        try {
            model = JSON.readValue(bytes, ModelJson.class);
        } catch (JsonMappingException e) {
            String key = keyOf(e);
            throw key.isEmpty()
                    ? damaged(file, "is not a JSON object (" + e.getOriginalMessage() + ")")
                    : damaged(file, key + " has the wrong type (" + e.getOriginalMessage() + ")");
        } catch (JacksonException e) {
            throw damaged(file, "is not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new SweeperException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        if (model == null) {
            throw damaged(file, "is empty (null)");
        }
        model.check(file);
        return model;
    }

    private void check(Path file) {
        required(file, "format", format);
        if (format != FORMAT) {
            throw new SweeperException(file + ": format " + format + " is not the one this sweeper reads (" + FORMAT
                    + "); the checkpoint is from an incompatible version");
        }
        required(file, "parameters", parameters);
        for (TrialParameter p : DEFINING) {
            required(file, "parameters." + p.key(), parameters.get(p.key()));
        }
        positive(file, "input_size", inputSize);
        positive(file, "classes", classes);
        positive(file, "epoch", epoch);
        entries(file, "labels", labels);
        entries(file, "folders", folders);
        TrialConfig config = config(file);
        if (config.pipeline().inputSize() != inputSize) {
            throw damaged(file, "input_size is " + inputSize + " but the " + config.pipeline().name()
                    + " pipeline makes " + config.pipeline().inputSize() + "-pixel images");
        }
    }

    /** The trial's parameters; those not defining the network may be absent (they then read as defaults). */
    TrialConfig config(Path file) {
        return TrialConfig.of(parameters, file + ": parameters");
    }

    LabelMap labelMap() {
        return new LabelMap(folders, labels);
    }

    private static void required(Path file, String key, Object value) {
        if (value == null) {
            throw damaged(file, key + " is missing");
        }
    }

    private static void positive(Path file, String key, Integer value) {
        required(file, key, value);
        if (value < 1) {
            throw damaged(file, key + " is " + value + "; it must be at least 1");
        }
    }

    /** One non-null entry per class. */
    private void entries(Path file, String key, List<String> values) {
        required(file, key, values);
        if (values.size() != classes) {
            throw damaged(file, key + " has " + values.size() + " entries but classes is " + classes);
        }
        for (int i = 0; i < values.size(); i++) {
            required(file, key + "[" + i + "]", values.get(i));
        }
    }

    private static SweeperException damaged(Path file, String problem) {
        return new SweeperException(file + ": " + problem + "; the checkpoint is damaged or from an incompatible version");
    }

    /** {@code parameters.dropout} or {@code labels[2]}: where in the file Jackson stopped. */
    private static String keyOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }
}
