package io.sweeper.train.model;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Keras {@code Conv2D} (NCHW, kernel [kH, kW, in, out]); libnd4j {@code conv2d}/{@code conv2d_bp}.
 *
 * <p>The network's first layer needs no gradient for its input (the images), and for it
 * {@code conv2d_bp} is the most expensive op of lenet's step: with one input channel oneDNN pads
 * the input gradient to 16 channels. So the first layer computes only the kernel's gradient, as
 * what it is — a convolution of the input with the output gradient, with the batch as channels:
 * ≈ 3.5× faster (bench/RESULTS.md). This needs stride 1 and symmetric padding, which the zoo's
 * first layers have; any other layer uses {@code conv2d_bp}.
 */
final class Conv2d implements Layer {
    private final WeightsAndBias p;
    private final long[] outputShape;
    private final long[] intArgs;
    /** For the kernel gradient as a convolution; null where {@code conv2d_bp} runs. */
    private final long[] kernelGradientArgs;
    private INDArray input;

    /** {@code inputGradient}: false for the first layer, whose backward then returns null. */
    Conv2d(String name, long[] in, int filters, int kernel, int stride, boolean same, boolean inputGradient) {
        this.p = new WeightsAndBias(name, new long[] {kernel, kernel, in[0], filters}, filters);
        long h = same ? ceilDiv(in[1], stride) : (in[1] - kernel) / stride + 1;
        long wd = same ? ceilDiv(in[2], stride) : (in[2] - kernel) / stride + 1;
        this.outputShape = new long[] {filters, h, wd};
        // kH, kW, sH, sW, pH, pW, dH, dW, same-mode, data format 0 = NCHW, weights format 0 = [kH, kW, in, out]
        this.intArgs = new long[] {kernel, kernel, stride, stride, 0, 0, 1, 1, same ? 1 : 0, 0, 0};
        boolean symmetric = !same || kernel % 2 == 1;
        long pad = same ? (kernel - 1) / 2 : 0;
        // the output gradient [n, out, h, w] is the kernel (weights format 1 = [out, in, kH, kW])
        this.kernelGradientArgs = !inputGradient && stride == 1 && symmetric
                ? new long[] {h, wd, 1, 1, pad, pad, 1, 1, 0, 0, 1} : null;
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
        if (kernelGradientArgs != null) {
            // [in, n, H, W] ⊛ [out, n, h, w] → [in, out, kH, kW]: Σ over the batch and positions
            INDArray k = Nd4j.createUninitialized(input.dataType(), p.gw.size(2), p.gw.size(3), p.gw.size(0), p.gw.size(1));
            NativeOp.exec("conv2d", new INDArray[] {input.permute(1, 0, 2, 3), g.permute(1, 0, 2, 3)},
                    new INDArray[] {k}, kernelGradientArgs);
            p.gw.assign(k.permute(2, 3, 0, 1));
            g.sum(p.gb, 0, 2, 3);
            return null;
        }
        INDArray gi = Nd4j.createUninitialized(input.dataType(), input.shape());
        NativeOp.exec("conv2d_bp", new INDArray[] {input, p.w, p.b, g}, new INDArray[] {gi, p.gw, p.gb}, intArgs);
        return gi;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
