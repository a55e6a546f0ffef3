package io.sweeper.train.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Keras {@code MaxPooling2D(size, strides=size)}, valid padding; libnd4j {@code maxpool2d}. */
final class MaxPool implements Layer {
    private final long[] outputShape;
    private final long[] intArgs;
    private INDArray input;

    MaxPool(long[] in, int size) {
        this.outputShape = new long[] {in[0], in[1] / size, in[2] / size};
        // kH, kW, sH, sW, pH, pW, dH, dW, same-mode, extra, NHWC
        this.intArgs = new long[] {size, size, size, size, 0, 0, 1, 1, 0, 0, 0};
    }

    @Override
    public long[] outputShape() {
        return outputShape;
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        input = x;
        INDArray out = Nd4j.createUninitialized(x.dataType(), x.size(0), outputShape[0], outputShape[1], outputShape[2]);
        NativeOp.exec("maxpool2d", new INDArray[] {x}, new INDArray[] {out}, intArgs);
        return out;
    }

    @Override
    public INDArray backward(INDArray g) {
        INDArray gi = Nd4j.createUninitialized(input.dataType(), input.shape());
        NativeOp.exec("maxpool2d_bp", new INDArray[] {input, g}, new INDArray[] {gi}, intArgs);
        return gi;
    }
}
