package io.sweeper.train.model;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Keras {@code Conv2D} (NCHW, kernel [kH, kW, in, out]); libnd4j {@code conv2d}/{@code conv2d_bp}. */
final class Conv2d implements Layer {
    private final WeightsAndBias p;
    private final long[] outputShape;
    private final long[] intArgs;
    private INDArray input;

    Conv2d(String name, long[] in, int filters, int kernel, int stride, boolean same) {
        this.p = new WeightsAndBias(name, new long[] {kernel, kernel, in[0], filters}, filters);
        long h = same ? ceilDiv(in[1], stride) : (in[1] - kernel) / stride + 1;
        long wd = same ? ceilDiv(in[2], stride) : (in[2] - kernel) / stride + 1;
        this.outputShape = new long[] {filters, h, wd};
        // kH, kW, sH, sW, pH, pW, dH, dW, same-mode, data format 0 = NCHW, weights format 0 = [kH, kW, in, out]
        this.intArgs = new long[] {kernel, kernel, stride, stride, 0, 0, 1, 1, same ? 1 : 0, 0, 0};
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
        INDArray out = Nd4j.createUninitialized(x.dataType(), x.size(0), outputShape[0], outputShape[1], outputShape[2]);
        NativeOp.exec("conv2d", new INDArray[] {x, p.w, p.b}, new INDArray[] {out}, intArgs);
        return out;
    }

    @Override
    public INDArray backward(INDArray g) {
        INDArray gi = Nd4j.createUninitialized(input.dataType(), input.shape());
        NativeOp.exec("conv2d_bp", new INDArray[] {input, p.w, p.b, g}, new INDArray[] {gi, p.gw, p.gb}, intArgs);
        return gi;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
