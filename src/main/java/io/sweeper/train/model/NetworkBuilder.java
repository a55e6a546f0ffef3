package io.sweeper.train.model;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.activations.Activation;

/** Stacks layers Keras-style, tracking the current shape and naming layers by kind and position. */
final class NetworkBuilder {
    private final List<Layer> layers = new ArrayList<>();
    private final Activation activation;
    private final org.nd4j.linalg.api.rng.Random dropoutRandom;
    private final double batchNormMomentum;
    private long[] shape;

    NetworkBuilder(long[] inputShape, Activation activation, double batchNormMomentum,
            org.nd4j.linalg.api.rng.Random dropoutRandom) {
        this.shape = inputShape;
        this.activation = activation;
        this.batchNormMomentum = batchNormMomentum;
        this.dropoutRandom = dropoutRandom;
    }

    private NetworkBuilder add(Layer layer) {
        layers.add(layer);
        shape = layer.outputShape();
        return this;
    }

    private String name(String kind) {
        return kind + layers.size();
    }

    NetworkBuilder conv(int filters, int kernel, int stride, boolean same) {
        return add(new Conv2d(name("conv"), shape, filters, kernel, stride, same, !layers.isEmpty()));
    }

    NetworkBuilder dense(int units) {
        return add(new Dense(name("dense"), shape, units));
    }

    /** The trial's hidden activation. */
    NetworkBuilder activation() {
        return add(new ActivationLayer(activation, shape));
    }

    NetworkBuilder batchNorm() {
        return add(new BatchNorm(name("bn"), shape, batchNormMomentum));
    }

    NetworkBuilder maxPool(int size) {
        return add(new MaxPool(shape, size));
    }

    NetworkBuilder flatten() {
        return add(new Flatten(shape));
    }

    NetworkBuilder dropout(double rate) {
        return rate > 0 ? add(new Dropout(shape, rate, dropoutRandom)) : this;
    }

    NetworkBuilder divideBy(double temperature) {
        return temperature != 1.0 ? add(new Scale(shape, temperature)) : this;
    }

    List<Layer> layers() {
        return List.copyOf(layers);
    }
}
