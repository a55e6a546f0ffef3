package io.sweeper.train.model;

import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.api.ops.impl.reduce3.Dot;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Keras {@code BatchNormalization} over axis 1 (channels of NCHW maps, or features of [n, f]):
 * batch statistics in training with moving averages kept at a momentum (Keras' default 0.99), the
 * moving statistics at inference. At 0.99 the moving statistics need a few hundred steps to follow
 * the batches, so validation lags training for the first epochs; a lower momentum shortens that.
 * Forward: libnd4j's {@code moments} and one fused {@code batchnorm} op.
 *
 * <p>Backward is the textbook gradient through the batch statistics in five passes over the
 * tensor (see {@link #backward}). libnd4j's {@code batchnorm_bp} gives the same numbers but
 * lets oneDNN compute only the term without the statistics and adds the rest in about ten
 * more passes: 15.5 ms against ≈ 7 ms on mnist-cnn's largest layer, one thread (bench/RESULTS.md).
 * ε is added to the variance once, in forward, so a channel with zero variance stays finite.
 */
final class BatchNorm implements Layer {
    static final double EPSILON = 1e-3;
    private static final long[] INT_ARGS = {1, 1, 1}; // apply gamma, apply beta, axis 1

    private final Param gammaParam;
    private final Param betaParam;
    private final Param movingMeanParam;
    private final Param movingVarianceParam;
    private final long[] shape;
    private final int[] reduceAxes;
    private final long[] reduceAxesArg;
    private final double momentum;
    private INDArray gamma;
    private INDArray beta;
    private INDArray movingMean;
    private INDArray movingVariance;
    private INDArray gGamma;
    private INDArray gBeta;
    private INDArray input;
    private INDArray mean;
    private INDArray varianceEps;

    BatchNorm(String name, long[] in, double momentum) {
        this.momentum = momentum;
        long[] channels = {in[0]};
        this.gammaParam = new Param(name + "/gamma", channels, true, Param.Init.ONES);
        this.betaParam = new Param(name + "/beta", channels, true, Param.Init.ZEROS);
        this.movingMeanParam = new Param(name + "/moving_mean", channels, false, Param.Init.ZEROS);
        this.movingVarianceParam = new Param(name + "/moving_variance", channels, false, Param.Init.ONES);
        this.shape = in;
        this.reduceAxes = in.length == 3 ? new int[] {0, 2, 3} : new int[] {0};
        this.reduceAxesArg = Arrays.stream(reduceAxes).asLongStream().toArray();
    }

    @Override
    public long[] outputShape() {
        return shape;
    }

    @Override
    public List<Param> params() {
        return List.of(gammaParam, betaParam, movingMeanParam, movingVarianceParam);
    }

    @Override
    public void bind(ParamViews views) {
        gamma = views.value(gammaParam);
        beta = views.value(betaParam);
        movingMean = views.value(movingMeanParam);
        movingVariance = views.value(movingVarianceParam);
        gGamma = views.gradient(gammaParam);
        gBeta = views.gradient(betaParam);
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        INDArray m;
        INDArray v;
        if (training) {
            // libnd4j's moments: batch mean and (biased) variance, ≈ 3× faster than mean() + var().
            m = Nd4j.createUninitialized(x.dataType(), shape[0]);
            v = Nd4j.createUninitialized(x.dataType(), shape[0]);
            NativeOp.exec("moments", new INDArray[] {x}, new INDArray[] {m, v}, reduceAxesArg);
            movingMean.muli(momentum).addi(m.mul(1 - momentum));
            movingVariance.muli(momentum).addi(v.mul(1 - momentum));
            input = x;
            mean = m;
        } else {
            m = movingMean;
            v = movingVariance;
        }
        INDArray ve = v.add(EPSILON);
        if (training) {
            varianceEps = ve;
        }
        INDArray out = Nd4j.createUninitialized(x.dataType(), x.shape());
        NativeOp.exec("batchnorm", new INDArray[] {x, m, ve, gamma, beta}, new INDArray[] {out}, INT_ARGS, 0.0);
        return out;
    }

    /**
     * With x̂ = (x − μ)/σ per channel over its N values, gβ = Σ g, gγ = Σ g·x̂ and
     * dx = γ/σ · (g − gβ/N − x̂·gγ/N). Passes: Σ g; Σ g·x (gγ = (Σ g·x − μ·Σ g)/σ, so x̂ is never
     * stored); the per-channel affine x̂·gγ/N + gβ/N from x by the fused batchnorm op; its
     * difference with g; the scaling by γ/σ.
     */
    @Override
    public INDArray backward(INDArray g) {
        double n = (double) input.length() / shape[0];
        g.sum(gBeta, reduceAxes);
        INDArray sumGx = Nd4j.createUninitialized(g.dataType(), shape[0]);
        Nd4j.exec(new Dot(g, input, sumGx, reduceAxes));
        INDArray invStd = Transforms.pow(varianceEps, -0.5, true);
        gGamma.assign(sumGx.subi(mean.mul(gBeta)).muli(invStd));
        INDArray affine = Nd4j.createUninitialized(input.dataType(), input.shape());
        NativeOp.exec("batchnorm", new INDArray[] {input, mean, varianceEps, gGamma.div(n), gBeta.div(n)},
                new INDArray[] {affine}, INT_ARGS, 0.0);
        INDArray gi = affine.rsubi(g);
        return Nd4j.exec(new BroadcastMulOp(gi, invStd.muli(gamma), gi, 1));
    }
}
