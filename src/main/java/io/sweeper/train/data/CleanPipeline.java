package io.sweeper.train.data;

import java.util.SplittableRandom;

/**
 * The corrected preprocessing: ink is 1 and background 0 ({@code 1 − gray/255}), so zero padding
 * and zero fill are background, as in MNIST.
 *
 * <ol>
 *   <li>Region: with {@code crop}, the bounding box of the ink (pixels darker than
 *       {@link #INK_GRAY_BELOW}) widened by {@code cropMargin} × its longer side on each side;
 *       without it, or when an image has no ink, the whole image.</li>
 *   <li>The region is centred in a square of its longer side (aspect kept); whatever of the
 *       square lies outside the image is background.</li>
 *   <li>The square is area-averaged (box filter: each output pixel is the mean of the source
 *       area it covers, partial pixels weighted by coverage) to {@code size × size}. Area
 *       averaging keeps thin strokes that nearest-neighbour sampling drops at 1/40 scale.</li>
 * </ol>
 *
 * <p>Augmentation fills with 0 (background) and turns about the true centre.
 */
final class CleanPipeline implements ImagePipeline {
    /**
     * Gray levels below 204 — ink above 0.2 — count for the crop box: anti-aliased stroke edges
     * count, faint scanner noise and compression ringing in light backgrounds mostly do not.
     */
    static final int INK_GRAY_BELOW = 204;
    private static final float[] INK_OF_GRAY = inkOfGray();

    private final int size;
    private final boolean crop;
    private final double margin;

    CleanPipeline(int size, boolean crop, double margin) {
        this.size = size;
        this.crop = crop;
        this.margin = margin;
    }

    private static float[] inkOfGray() {
        float[] ink = new float[256];
        for (int g = 0; g < 256; g++) {
            ink[g] = 1f - g / 255f;
        }
        return ink;
    }

    @Override
    public int height() {
        return size;
    }

    @Override
    public int width() {
        return size;
    }

    @Override
    public int inputSize() {
        return size;
    }

    @Override
    public int padTop() {
        return 0;
    }

    @Override
    public void preprocess(GrayImage image, float[] out, int offset) {
        Square square = crop ? inkSquare(image) : wholeImageSquare(image);
        AreaWeights columns = AreaWeights.of(square.left, square.side, size, image.width());
        AreaWeights rows = AreaWeights.of(square.top, square.side, size, image.height());
        resample(image, columns, rows, out, offset);
    }

    /** A square region in image coordinates (pixel x covers [x, x + 1)). */
    record Square(double left, double top, double side) {
    }

    static Square wholeImageSquare(GrayImage image) {
        return centredSquare(0, 0, image.width(), image.height(), 0);
    }

    /** The ink's box with the margin, as a square; the whole image when there is no ink. */
    Square inkSquare(GrayImage image) {
        int minX = Integer.MAX_VALUE;
        int maxX = -1;
        int minY = Integer.MAX_VALUE;
        int maxY = -1;
        byte[] pixels = image.pixels();
        for (int y = 0; y < image.height(); y++) {
            int row = y * image.width();
            for (int x = 0; x < image.width(); x++) {
                if ((pixels[row + x] & 0xff) < INK_GRAY_BELOW) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        if (maxX < 0) {
            return wholeImageSquare(image);
        }
        return centredSquare(minX, minY, maxX + 1 - minX, maxY + 1 - minY, margin);
    }

    private static Square centredSquare(double left, double top, double width, double height,
            double margin) {
        double side = Math.max(width, height) * (1 + 2 * margin);
        return new Square(left + (width - side) / 2, top + (height - side) / 2, side);
    }

    /** Separable box filter: columns first (only over the rows the output needs), then rows. */
    private void resample(GrayImage image, AreaWeights columns, AreaWeights rows, float[] out,
            int offset) {
        int firstRow = rows.firstSource();
        int rowCount = rows.endSource() - firstRow;
        float[] rowSums = new float[Math.max(rowCount, 0) * size];
        byte[] pixels = image.pixels();
        for (int r = 0; r < rowCount; r++) {
            int source = (firstRow + r) * image.width();
            for (int x = 0; x < size; x++) {
                float[] w = columns.weights[x];
                int first = source + columns.first[x];
                float sum = 0;
                for (int k = 0; k < w.length; k++) {
                    sum += w[k] * INK_OF_GRAY[pixels[first + k] & 0xff];
                }
                rowSums[r * size + x] = sum;
            }
        }
        for (int y = 0; y < size; y++) {
            float[] w = rows.weights[y];
            int first = rows.first[y] - firstRow;
            for (int x = 0; x < size; x++) {
                float sum = 0;
                for (int k = 0; k < w.length; k++) {
                    sum += w[k] * rowSums[(first + k) * size + x];
                }
                // Weights sum to at most 1; float rounding may overshoot by an ulp.
                out[offset + y * size + x] = Math.min(sum, 1f);
            }
        }
    }

    /**
     * Box-filter weights along one axis: output i covers source [start + i·step, start + (i+1)·step)
     * with step = side / outSize; source pixel j (covering [j, j + 1)) weighs its overlap / step.
     * Source pixels outside [0, inSize) are background (0) and are left out.
     */
    static final class AreaWeights {
        final int[] first;
        final float[][] weights;

        private AreaWeights(int[] first, float[][] weights) {
            this.first = first;
            this.weights = weights;
        }

        static AreaWeights of(double start, double side, int outSize, int inSize) {
            double step = side / outSize;
            int[] first = new int[outSize];
            float[][] weights = new float[outSize][];
            for (int i = 0; i < outSize; i++) {
                double from = start + i * step;
                double to = from + step;
                int lo = Math.max(0, (int) Math.floor(from));
                int hi = Math.min(inSize, (int) Math.ceil(to));
                first[i] = Math.min(lo, inSize - 1);
                weights[i] = new float[Math.max(hi - lo, 0)];
                for (int j = lo; j < hi; j++) {
                    weights[i][j - lo] = (float) ((Math.min(j + 1, to) - Math.max(j, from)) / step);
                }
            }
            return new AreaWeights(first, weights);
        }

        /** The first source index any output reads. */
        int firstSource() {
            int min = Integer.MAX_VALUE;
            for (int i = 0; i < first.length; i++) {
                if (weights[i].length > 0) {
                    min = Math.min(min, first[i]);
                }
            }
            return min == Integer.MAX_VALUE ? 0 : min;
        }

        /** One past the last source index any output reads. */
        int endSource() {
            int max = 0;
            for (int i = 0; i < first.length; i++) {
                if (weights[i].length > 0) {
                    max = Math.max(max, first[i] + weights[i].length);
                }
            }
            return max;
        }
    }

    @Override
    public AffineWarp sampleWarp(AugmentSpec augment, SplittableRandom rng) {
        return AffineWarp.sample(augment, size, size,
                (size - 1) / 2.0, (size - 1) / 2.0, AffineWarp.Fill.ZERO, rng);
    }
}
