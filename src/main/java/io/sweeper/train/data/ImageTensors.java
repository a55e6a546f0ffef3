package io.sweeper.train.data;

import java.util.List;

/**
 * A loaded, preprocessed data set: {@link #count()} single-channel images of
 * {@link #height()} × {@link #width()} (the stored size: 21×28 for the seed pipeline, which pads
 * to 28×28 at batch time), their class indices and relative paths, in sample order (class by
 * class, files sorted by name). Immutable: accessors that return arrays return copies; batches
 * come from {@link BatchAssembler} without copying the whole set.
 */
public final class ImageTensors {
    private final PipelineSpec pipeline;
    private final LabelMap labelMap;
    private final List<String> paths;
    private final int[] labels;
    private final int height;
    private final int width;
    private final float[] pixels;

    /** Takes ownership of {@code labels} and {@code pixels}. */
    ImageTensors(PipelineSpec pipeline, LabelMap labelMap, List<String> paths, int[] labels,
            int height, int width, float[] pixels) {
        if (labels.length != paths.size() || pixels.length != labels.length * height * width) {
            throw new IllegalArgumentException(paths.size() + " paths, " + labels.length
                    + " labels and " + pixels.length + " pixels do not make " + height + "x"
                    + width + " images");
        }
        this.pipeline = pipeline;
        this.labelMap = labelMap;
        this.paths = List.copyOf(paths);
        this.labels = labels;
        this.height = height;
        this.width = width;
        this.pixels = pixels;
    }

    public int count() {
        return labels.length;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    public PipelineSpec pipeline() {
        return pipeline;
    }

    public LabelMap labelMap() {
        return labelMap;
    }

    /** Image paths relative to the data folder, {@code /}-separated, in sample order. */
    public List<String> paths() {
        return paths;
    }

    /** Class index of each sample (a copy). */
    public int[] labels() {
        return labels.clone();
    }

    public int label(int sample) {
        return labels[sample];
    }

    /** All pixels, count × height × width row-major (a copy). */
    public float[] pixels() {
        return pixels.clone();
    }

    /** One stored image, height × width row-major (a copy). */
    public float[] image(int sample) {
        int size = height * width;
        float[] image = new float[size];
        System.arraycopy(pixels, sample * size, image, 0, size);
        return image;
    }

    /** The pixel array itself, for this package's readers; never handed out. */
    float[] pixelArray() {
        return pixels;
    }

    int[] labelArray() {
        return labels;
    }
}
