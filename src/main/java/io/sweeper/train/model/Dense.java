package io.sweeper.train.model;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Keras {@code Dense}: x·W + b, W [in, out] glorot-uniform, b zeros. */
final class Dense implements Layer {
    private final WeightsAndBias p;
    private final long[] outputShape;
    private INDArray input;

    Dense(String name, long[] in, int units) {
        this.p = new WeightsAndBias(name, new long[] {in[0], units}, units);
        this.outputShape = new long[] {units};
    }

    @Override
    public long[] outputShape() {
        return outputShape;
    }

    @Override
    public List<Param> params() {
        return p.params();
    }

    @Override
    public void bind(ParamViews views) {
        p.bind(views);
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        input = x;
        return x.mmul(p.w).addiRowVector(p.b);
    }

    @Override
    public INDArray backward(INDArray g) {
        Nd4j.gemm(input, g, p.gw, true, false, 1.0, 0.0);
        p.gb.assign(g.sum(0));
        return Nd4j.gemm(g, p.w, false, true);
    }
}
