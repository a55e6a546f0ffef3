package io.sweeper.train.data;

import java.util.SplittableRandom;

/**
 * A preprocessing pipeline's behaviour: what it stores per image, and how stored images become
 * model input at batch time (padding, augmentation's fill and centre).
 */
sealed interface ImagePipeline permits SeedPipeline, CleanPipeline {

    static ImagePipeline of(PipelineSpec spec) {
        return PipelineSpec.SEED.equals(spec.name())
                ? new SeedPipeline()
                : new CleanPipeline(spec.imageSize(), spec.crop(), spec.cropMargin());
    }

    /** Height of the stored image. */
    int height();

    /** Width of the stored image; equal to the model input's width. */
    int width();

    /** Side of the square model input. */
    int inputSize();

    /** Rows of zeros above the stored image in the model input; the rest of the padding goes below. */
    int padTop();

    /** Preprocesses {@code image} into {@code out[offset, offset + height·width)}, row-major. */
    void preprocess(GrayImage image, float[] out, int offset);

    /** A random augmentation of one stored image, as this pipeline applies it. */
    AffineWarp sampleWarp(AugmentSpec augment, SplittableRandom rng);
}
