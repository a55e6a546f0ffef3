package io.sweeper.train.model;

/**
 * A named block of a network's weights: its shape, whether the optimiser trains it, and how it is
 * initialised. The {@link Network} places every block in one flat buffer so that Adam is one op
 * over all of them.
 */
record Param(String name, long[] shape, boolean trainable, Init init) {

    enum Init { GLOROT_UNIFORM, ZEROS, ONES }

    long size() {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }
}
