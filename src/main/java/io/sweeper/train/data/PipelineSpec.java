package io.sweeper.train.data;

import io.sweeper.SweeperException;

/**
 * Which preprocessing turns a decoded image into the stored tensor, and with what parameters.
 *
 * <ul>
 *   <li>{@code seed} — the seed notebook's pipeline replicated exactly (see {@link SeedPipeline}):
 *       stores 21×28, padded to 28×28 at batch time. Its parameters are fixed: imageSize 28, no
 *       crop.</li>
 *   <li>{@code clean} — the corrected pipeline (see {@link CleanPipeline}): ink = 1 on a 0
 *       background, optionally cropped to the ink with a margin, padded to a square and
 *       area-averaged to imageSize × imageSize.</li>
 * </ul>
 *
 * @param cropMargin the margin added on each side of the ink's bounding box, as a fraction of
 *     the box's longer side; meaningless without {@code crop}, so it is stored as 0 then (equal
 *     pipelines then share one cache entry)
 */
public record PipelineSpec(String name, int imageSize, boolean crop, double cropMargin) {
    public static final String SEED = "seed";
    public static final String CLEAN = "clean";
    /** The clean pipeline's default margin: 0.2 of the box on each side frames the ink like
     * MNIST, whose digits fill a 20-pixel box centred in 28 pixels. */
    public static final double DEFAULT_CROP_MARGIN = 0.2;
    private static final int MODEL_INPUT_SIZE = 28;

    public PipelineSpec {
        if (!SEED.equals(name) && !CLEAN.equals(name)) {
            throw new SweeperException("pipeline '" + name + "' is unknown; use '" + SEED
                    + "' or '" + CLEAN + "'");
        }
        if (!crop) {
            cropMargin = 0;
        }
        if (SEED.equals(name) && (imageSize != MODEL_INPUT_SIZE || crop)) {
            throw new SweeperException("pipeline 'seed' is the notebook's fixed 21x28 -> 28x28"
                    + " preprocessing; imageSize and crop apply to pipeline 'clean' only");
        }
        if (imageSize < 4 || imageSize > 1024) {
            throw new SweeperException("pipeline imageSize " + imageSize
                    + " is out of range; use 4 to 1024 (the seed's models take 28)");
        }
        if (!(cropMargin >= 0 && cropMargin <= 1)) {
            throw new SweeperException("pipeline cropMargin " + cropMargin
                    + " is out of range; use a fraction of the ink's box from 0 to 1");
        }
    }

    /** The seed notebook's pipeline. */
    public static PipelineSpec seed() {
        return new PipelineSpec(SEED, MODEL_INPUT_SIZE, false, 0);
    }

    /** The clean pipeline at 28×28, cropped to the ink with {@link #DEFAULT_CROP_MARGIN}. */
    public static PipelineSpec clean() {
        return clean(MODEL_INPUT_SIZE, true, DEFAULT_CROP_MARGIN);
    }

    public static PipelineSpec clean(int imageSize, boolean crop, double cropMargin) {
        return new PipelineSpec(CLEAN, imageSize, crop, cropMargin);
    }

    /** Side of the square single-channel model input that batches are assembled into. */
    public int inputSize() {
        return imageSize;
    }

    /** The parameters as one canonical line, part of the cache key. */
    String canonical() {
        return "name=" + name + " imageSize=" + imageSize + " crop=" + crop
                + " cropMargin=" + cropMargin;
    }
}
