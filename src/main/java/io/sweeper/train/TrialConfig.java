package io.sweeper.train;

import io.sweeper.DidYouMean;
import io.sweeper.SweeperException;
import io.sweeper.train.data.AugmentSpec;
import io.sweeper.train.data.PipelineSpec;
import io.sweeper.train.model.Architecture;
import io.sweeper.train.model.ModelSpec;
import io.sweeper.train.model.TemperatureAt;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nd4j.linalg.activations.Activation;

/**
 * One trial's parameters, validated and typed: every {@link TrialParameter}, given or defaulted.
 * Built from a map of raw values (a YAML config, {@code --set} strings, a sweep's suggestion); every
 * problem names its source and key.
 */
public final class TrialConfig {
    private static final List<String> KEYS = Arrays.stream(TrialParameter.values()).map(TrialParameter::key).toList();
    private final Map<TrialParameter, Object> values;

    private TrialConfig(Map<TrialParameter, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** All defaults. */
    public static TrialConfig defaults() {
        return of(Map.of(), "defaults");
    }

    /**
     * Validates raw values (numbers, booleans, strings — strings are parsed, as from {@code --set}).
     *
     * @param source what to name in error messages, e.g. a file name or "--set"
     * @throws SweeperException naming the source and key, for an unknown key or a bad value
     */
    public static TrialConfig of(Map<String, ?> raw, String source) {
        Map<TrialParameter, Object> values = new EnumMap<>(TrialParameter.class);
        for (TrialParameter p : TrialParameter.values()) {
            values.put(p, p.defaultValue());
        }
        raw.forEach((key, value) -> {
            TrialParameter p = TrialParameter.byKey(key).orElseThrow(() -> new SweeperException(
                    source + ": unknown trial parameter '" + key + "'" + DidYouMean.suffix(key, KEYS)
                            + "; `sweeper train --help` lists them"));
            values.put(p, ParameterValues.convert(p, value, source));
        });
        return new TrialConfig(values);
    }

    /** This config with some values replaced. */
    public TrialConfig with(Map<String, ?> overrides, String source) {
        Map<String, Object> merged = new LinkedHashMap<>(toMap());
        merged.putAll(overrides);
        return of(merged, source);
    }

    /** Every parameter by key, in vocabulary order (what checkpoints and {@code best} write out). */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((p, v) -> out.put(p.key(), v));
        return out;
    }

    public Path data() {
        return Path.of((String) values.get(TrialParameter.DATA));
    }

    public Architecture model() {
        return Architecture.fromKey((String) values.get(TrialParameter.MODEL)).orElseThrow();
    }

    public PipelineSpec pipeline() {
        return "seed".equals(values.get(TrialParameter.PIPELINE)) ? PipelineSpec.seed()
                : PipelineSpec.clean(integer(TrialParameter.IMAGE_SIZE), (Boolean) values.get(TrialParameter.CROP),
                        number(TrialParameter.CROP_MARGIN));
    }

    public Activation activation() {
        return Activation.valueOf(((String) values.get(TrialParameter.ACTIVATION)).toUpperCase(Locale.ROOT));
    }

    public double learningRate() {
        return number(TrialParameter.LEARNING_RATE);
    }

    public int batchSize() {
        return integer(TrialParameter.BATCH_SIZE);
    }

    public int epochs() {
        return integer(TrialParameter.EPOCHS);
    }

    public int patience() {
        return integer(TrialParameter.PATIENCE);
    }

    public int threads() {
        return integer(TrialParameter.THREADS);
    }

    public long seed() {
        return ((Number) values.get(TrialParameter.SEED)).longValue();
    }

    public boolean stratifiedSplit() {
        return "stratified".equals(values.get(TrialParameter.SPLIT));
    }

    public double valFraction() {
        return number(TrialParameter.VAL_FRACTION);
    }

    public AugmentSpec augmentation() {
        return new AugmentSpec(number(TrialParameter.ROTATION), number(TrialParameter.SHEAR), number(TrialParameter.ZOOM),
                number(TrialParameter.WIDTH_SHIFT), number(TrialParameter.HEIGHT_SHIFT));
    }

    public int maxClasses() {
        return integer(TrialParameter.MAX_CLASSES);
    }

    public int maxPerClass() {
        return integer(TrialParameter.MAX_PER_CLASS);
    }

    /** The network these parameters define, for a data set of the given class count and input size. */
    public ModelSpec modelSpec(int classes, int inputSize) {
        return new ModelSpec(model(), activation(), number(TrialParameter.DROPOUT),
                number(TrialParameter.BN_MOMENTUM), number(TrialParameter.TEMPERATURE),
                TemperatureAt.valueOf(((String) values.get(TrialParameter.TEMPERATURE_AT)).toUpperCase(Locale.ROOT)),
                inputSize, classes, seed());
    }

    private double number(TrialParameter p) {
        return ((Number) values.get(p)).doubleValue();
    }

    private int integer(TrialParameter p) {
        return ((Number) values.get(p)).intValue();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrialConfig other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return toMap().toString();
    }
}
