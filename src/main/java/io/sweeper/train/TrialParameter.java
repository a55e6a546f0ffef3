package io.sweeper.train;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.nd4j.linalg.activations.Activation;

/**
 * The trial parameter vocabulary: one list shared by trial config files, {@code --set key=value}
 * and sweep files, so a name means the same thing everywhere. Each entry knows its type, default,
 * allowed range or choices, and a line of help.
 */
public enum TrialParameter {
    DATA("data", Kind.TEXT, "../shared/data/midas-task2/train", "image folder, one subfolder per class"),
    MODEL("model", Kind.CHOICE, "mnist-cnn", "architecture", "lenet", "mnist-cnn"),
    PIPELINE("pipeline", Kind.CHOICE, "seed", "preprocessing: the notebook's exact one, or the corrected one", "seed", "clean"),
    IMAGE_SIZE("image_size", Kind.INT, 28, 8, 128, "side of the square network input (clean pipeline; seed is always 28)"),
    CROP("crop", Kind.BOOL, true, "clean pipeline: crop to the ink's bounding box"),
    CROP_MARGIN("crop_margin", Kind.NUMBER, 0.2, 0, 1, "clean pipeline: margin around the ink box, as a fraction of its size"),
    ACTIVATION("activation", Kind.CHOICE, "relu", "hidden-layer activation", activations()),
    DROPOUT("dropout", Kind.NUMBER, 0.4, 0, 0.95, "dropout rate of every Dropout layer"),
    BN_MOMENTUM("bn_momentum", Kind.NUMBER, 0.99, 0, 0.9999, "batch norm: momentum of the moving mean and variance used at validation (Keras' 0.99)"),
    TEMPERATURE("temperature", Kind.NUMBER, 1.0, 0.01, 1000, "softmax temperature T"),
    TEMPERATURE_AT("temperature_at", Kind.CHOICE, "logits", "where T divides: logits (softmax(z/T)) or features (the notebook's Lambda before the last Dense)", "logits", "features"),
    LEARNING_RATE("learning_rate", Kind.NUMBER, 0.001, 1e-7, 1, "Adam learning rate"),
    BATCH_SIZE("batch_size", Kind.INT, 64, 1, 4096, "images per training step"),
    EPOCHS("epochs", Kind.INT, 400, 1, 100_000, "maximum epochs"),
    PATIENCE("patience", Kind.INT, 20, 0, 100_000, "early stopping: epochs without a better val_loss before stopping (0 = never)"),
    THREADS("threads", Kind.INT, 0, 0, 256, "intra-op threads (0 = all cores)"),
    SEED("seed", Kind.INT, 42, 0, Long.MAX_VALUE, "seed of weights, shuffling, dropout, augmentation and the stratified split"),
    SPLIT("split", Kind.CHOICE, "seed", "validation split: the notebook's (first 20% of each class's sorted files) or stratified random", "seed", "stratified"),
    VAL_FRACTION("val_fraction", Kind.NUMBER, 0.2, 0.01, 0.9, "fraction of each class held out for validation"),
    ROTATION("rotation", Kind.NUMBER, 0.0, 0, 180, "augmentation: rotation range in degrees (Keras rotation_range)"),
    SHEAR("shear", Kind.NUMBER, 0.0, 0, 89, "augmentation: shear range in degrees (Keras shear_range)"),
    ZOOM("zoom", Kind.NUMBER, 0.0, 0, 0.99, "augmentation: zoom range (Keras zoom_range)"),
    WIDTH_SHIFT("width_shift", Kind.NUMBER, 0.0, 0, 0.99, "augmentation: horizontal shift, fraction of width"),
    HEIGHT_SHIFT("height_shift", Kind.NUMBER, 0.0, 0, 0.99, "augmentation: vertical shift, fraction of height"),
    MAX_CLASSES("max_classes", Kind.INT, 0, 0, 100_000, "use only the first N classes (0 = all)"),
    MAX_PER_CLASS("max_per_class", Kind.INT, 0, 0, 1_000_000, "use only the first N images of each class (0 = all)");

    enum Kind { INT, NUMBER, BOOL, TEXT, CHOICE }

    private final String key;
    private final Kind kind;
    private final Object defaultValue;
    private final double min;
    private final double max;
    private final String help;
    private final List<String> choices;

    TrialParameter(String key, Kind kind, Object defaultValue, double min, double max, String help) {
        this.key = key;
        this.kind = kind;
        this.defaultValue = defaultValue;
        this.min = min;
        this.max = max;
        this.help = help;
        this.choices = List.of();
    }

    TrialParameter(String key, Kind kind, Object defaultValue, String help, String... choices) {
        this.key = key;
        this.kind = kind;
        this.defaultValue = defaultValue;
        this.min = Double.NEGATIVE_INFINITY;
        this.max = Double.POSITIVE_INFINITY;
        this.help = help;
        this.choices = List.of(choices);
    }

    public String key() {
        return key;
    }

    Kind kind() {
        return kind;
    }

    public Object defaultValue() {
        return defaultValue;
    }

    double min() {
        return min;
    }

    double max() {
        return max;
    }

    List<String> choices() {
        return choices;
    }

    /** The allowed values: a closed range, the choices, or the type. */
    String range() {
        return switch (kind) {
            case CHOICE -> String.join("|", choices);
            case INT, NUMBER -> "[" + fmt(min) + ", " + fmt(max) + "]";
            case BOOL -> "true|false";
            case TEXT -> "text";
        };
    }

    /** One line for help texts: key, allowed values, default, meaning. */
    public String describe() {
        return String.format(Locale.ROOT, "%-15s %-30s default %-12s %s", key, range(), defaultValue, help);
    }

    public static Optional<TrialParameter> byKey(String key) {
        return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst();
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** DL4J's activations that make sense in a hidden layer (softmax is the output's). */
    private static String[] activations() {
        return Arrays.stream(Activation.values()).filter(a -> a != Activation.SOFTMAX)
                .map(a -> a.name().toLowerCase(Locale.ROOT)).toArray(String[]::new);
    }
}
