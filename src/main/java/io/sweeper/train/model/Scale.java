package io.sweeper.train.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Division by a constant: the softmax temperature (see {@link TemperatureAt} for where it sits). */
final class Scale implements Layer {
    private final long[] shape;
    private final double divisor;

    Scale(long[] in, double divisor) {
        this.shape = in;
        this.divisor = divisor;
    }

    @Override
    public long[] outputShape() {
        return shape;
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        return x.div(divisor);
    }

    @Override
    public INDArray backward(INDArray g) {
        return g.div(divisor);
    }
}
