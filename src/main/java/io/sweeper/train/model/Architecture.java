package io.sweeper.train.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The model zoo (parameter {@code model}): the seed notebook's architectures, layer for layer. */
public enum Architecture {
    /** Notebook experiment 1, LeNet-style: 147,746 parameters for 28×28×1 in and 62 classes out. */
    LENET("lenet") {
        @Override
        void features(NetworkBuilder b, double dropout) {
            b.conv(6, 5, 1, true).activation().batchNorm().maxPool(2);
            b.conv(16, 5, 1, false).activation().batchNorm().maxPool(2);
            b.flatten();
            b.dense(256).activation().batchNorm().dropout(dropout);
            b.dense(128).activation().batchNorm().dropout(dropout);
        }
    },
    /** Notebook experiment 5, a Kaggle MNIST CNN: 333,950 parameters (counting batch norm's moving statistics, as Keras does). */
    MNIST_CNN("mnist-cnn") {
        @Override
        void features(NetworkBuilder b, double dropout) {
            b.conv(32, 3, 1, false).activation().batchNorm();
            b.conv(32, 3, 1, false).activation().batchNorm();
            b.conv(32, 5, 2, true).activation().batchNorm().dropout(dropout);
            b.conv(64, 3, 1, false).activation().batchNorm();
            b.conv(64, 3, 1, false).activation().batchNorm();
            b.conv(64, 5, 2, true).activation().batchNorm().dropout(dropout);
            b.conv(128, 4, 1, false).activation().batchNorm();
            b.flatten().dropout(dropout);
        }
    };

    private final String key;

    Architecture(String key) {
        this.key = key;
    }

    /** Everything before the output layer. */
    abstract void features(NetworkBuilder b, double dropout);

    /** The whole network up to the logits: features, the temperature where the spec puts it, Dense output. */
    void build(NetworkBuilder b, ModelSpec spec) {
        features(b, spec.dropout());
        if (spec.temperatureAt() == TemperatureAt.FEATURES) {
            b.divideBy(spec.temperature());
        }
        b.dense(spec.classes());
        if (spec.temperatureAt() == TemperatureAt.LOGITS) {
            b.divideBy(spec.temperature());
        }
    }

    public String key() {
        return key;
    }

    public static Optional<Architecture> fromKey(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(a -> a.key.equals(k)).findFirst();
    }

    public static String choices() {
        return String.join(", ", Arrays.stream(values()).map(Architecture::key).toList());
    }
}
