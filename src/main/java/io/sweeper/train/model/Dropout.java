package io.sweeper.train.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.BernoulliDistribution;
import org.nd4j.linalg.factory.Nd4j;

/** Keras {@code Dropout(rate)}: inverted dropout in training (kept values scaled by 1/(1−rate)), identity at inference. */
final class Dropout implements Layer {
    private final long[] shape;
    private final double keep;
    private final org.nd4j.linalg.api.rng.Random random;
    private INDArray mask;

    Dropout(long[] in, double rate, org.nd4j.linalg.api.rng.Random random) {
        this.shape = in;
        this.keep = 1 - rate;
        this.random = random;
    }

    @Override
    public long[] outputShape() {
        return shape;
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        if (!training || keep >= 1) {
            mask = null;
            return x;
        }
        mask = Nd4j.createUninitialized(x.dataType(), x.shape());
        Nd4j.getExecutioner().exec(new BernoulliDistribution(mask, keep), random);
        mask.muli(1.0 / keep);
        return x.mul(mask);
    }

    @Override
    public INDArray backward(INDArray g) {
        return mask == null ? g : g.mul(mask);
    }
}
