package io.sweeper.train.model;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The parameters of a Conv2D or Dense layer: a glorot-uniform kernel and a zero bias, with their
 * values and gradients once the network has placed them in its flat buffers.
 */
final class WeightsAndBias {
    private final Param weights;
    private final Param bias;
    INDArray w;
    INDArray b;
    INDArray gw;
    INDArray gb;

    WeightsAndBias(String layer, long[] kernelShape, long units) {
        this.weights = new Param(layer + "/W", kernelShape, true, Param.Init.GLOROT_UNIFORM);
        this.bias = new Param(layer + "/b", new long[] {units}, true, Param.Init.ZEROS);
    }

    List<Param> params() {
        return List.of(weights, bias);
    }

    void bind(ParamViews views) {
        w = views.value(weights);
        b = views.value(bias);
        gw = views.gradient(weights);
        gb = views.gradient(bias);
    }
}
