package io.sweeper.train.model;

import org.nd4j.linalg.activations.Activation;

/**
 * What defines a network: architecture, hidden activation (any of DL4J's), dropout rate,
 * batch-norm momentum (Keras' 0.99 by default), softmax temperature and where it divides, input size and class count, and the seed of its
 * initial weights and dropout masks. A checkpoint keeps this so the same network can be rebuilt.
 */
public record ModelSpec(Architecture architecture, Activation activation, double dropout, double batchNormMomentum,
        double temperature, TemperatureAt temperatureAt, int imageSize, int classes, long seed) {
}
