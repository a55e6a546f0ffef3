package io.sweeper.train.model;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Keras {@code Dense}: x·W + b, W [in, out] glorot-uniform, b zeros. */
final class Dense implements Layer {
    private final Param weights;
    private final Param bias;
    private final long[] outputShape;
    private INDArray w;
    private INDArray b;
    private INDArray gw;
    private INDArray gb;
    private INDArray input;

    Dense(String name, long[] in, int units) {
        this.weights = new Param(name + "/W", new long[] {in[0], units}, true, Param.Init.GLOROT_UNIFORM);
        this.bias = new Param(name + "/b", new long[] {units}, true, Param.Init.ZEROS);
        this.outputShape = new long[] {units};
    }

    @Override
    public long[] outputShape() {
        return outputShape;
    }

    @Override
    public List<Param> params() {
        return List.of(weights, bias);
    }

    @Override
    public void bind(ParamViews views) {
        w = views.value(weights);
        b = views.value(bias);
        gw = views.gradient(weights);
        gb = views.gradient(bias);
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        input = x;
        return x.mmul(w).addiRowVector(b);
    }

    @Override
    public INDArray backward(INDArray g) {
        Nd4j.gemm(input, g, gw, true, false, 1.0, 0.0);
        gb.assign(g.sum(0));
        return Nd4j.gemm(g, w, false, true);
    }
}
