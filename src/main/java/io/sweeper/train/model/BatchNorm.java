package io.sweeper.train.model;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Keras {@code BatchNormalization} over axis 1 (channels of NCHW maps, or features of [n, f]):
 * batch statistics in training with moving averages kept at a momentum (Keras' default 0.99), the
 * moving statistics at inference. At 0.99 the moving statistics need a few hundred steps to follow
 * the batches, so validation lags training for the first epochs; a lower momentum shortens that. One fused libnd4j op each way.
 *
 * <p>{@code batchnorm_bp}, given the batch mean and variance, returns the full gradient through the
 * batch statistics (checked against the textbook formula in {@code BatchNormTest}), but ignores
 * the op's ε in its backward pass, so a channel with zero variance would give NaN. So ε is added
 * to the variance before the op and the op runs with ε = 0: exact in both directions.
 */
final class BatchNorm implements Layer {
    static final double EPSILON = 1e-3;
    private static final long[] INT_ARGS = {1, 1, 1}; // apply gamma, apply beta, axis 1

    private final Param gammaParam;
    private final Param betaParam;
    private final Param movingMeanParam;
    private final Param movingVarianceParam;
    private final long[] shape;
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
        this.reduceAxesArg = in.length == 3 ? new long[] {0, 2, 3} : new long[] {0};
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

    @Override
    public INDArray backward(INDArray g) {
        INDArray gi = Nd4j.createUninitialized(input.dataType(), input.shape());
        INDArray gm = Nd4j.createUninitialized(mean.dataType(), mean.shape());
        INDArray gv = Nd4j.createUninitialized(mean.dataType(), mean.shape());
        NativeOp.exec("batchnorm_bp", new INDArray[] {input, mean, varianceEps, gamma, beta, g},
                new INDArray[] {gi, gm, gv, gGamma, gBeta}, INT_ARGS, 0.0);
        return gi;
    }
}
