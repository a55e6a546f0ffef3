package io.sweeper.train.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/** [n, c, h, w] → [n, c·h·w]. */
final class Flatten implements Layer {
    private final long[] in;
    private final long[] out;

    Flatten(long[] in) {
        this.in = in;
        long size = 1;
        for (long d : in) {
            size *= d;
        }
        this.out = new long[] {size};
    }

    @Override
    public long[] outputShape() {
        return out;
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        return x.reshape('c', x.size(0), out[0]);
    }

    @Override
    public INDArray backward(INDArray g) {
        return g.reshape('c', g.size(0), in[0], in[1], in[2]);
    }
}
