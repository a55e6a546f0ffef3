package io.sweeper.train.model;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One layer of a {@link Network}: a forward pass that remembers what its backward pass needs, and a
 * backward pass that writes its parameter gradients into the network's flat gradient buffer.
 * Shapes are per example (no batch dimension).
 */
interface Layer {
    /** Output shape for one example, given the input shape. */
    long[] outputShape();

    /** The layer's parameters (trainable) and state (batch-norm moving statistics). */
    default List<Param> params() {
        return List.of();
    }

    /** Receives the views of its {@link #params()} once the network has allocated them. */
    default void bind(ParamViews views) {
    }

    INDArray forward(INDArray input, boolean training);

    /** Gradient with respect to the input, given the gradient with respect to the last output. */
    INDArray backward(INDArray outputGradient);
}
