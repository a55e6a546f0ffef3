package io.sweeper.train.model;

import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A hidden-layer activation, any of DL4J's (parameter {@code activation}): relu, mish, swish, gelu,
 * elu, selu, tanh, … Mish is ND4J's fused op, x·tanh(softplus(x)) in one pass with its own
 * derivative op.
 */
final class ActivationLayer implements Layer {
    private final IActivation function;
    private final long[] shape;
    private INDArray input;

    ActivationLayer(Activation activation, long[] in) {
        this.function = activation.getActivationFunction();
        this.shape = in;
    }

    @Override
    public long[] outputShape() {
        return shape;
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        input = x;
        // IActivation works in place; the input is kept for the backward pass.
        return function.getActivation(x.dup(), training);
    }

    @Override
    public INDArray backward(INDArray g) {
        return function.backprop(input.dup(), g).getFirst();
    }
}
