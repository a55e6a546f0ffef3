package io.sweeper.train.data;

import java.util.SplittableRandom;

/**
 * One affine resampling of a small single-channel image, as Keras' {@code apply_affine_transform}
 * (keras_preprocessing 1.1, which the seed's TensorFlow 2 used) does it through
 * {@code scipy.ndimage.affine_transform(order=1)}: output pixel (r, c) takes the
 * bilinear value of the input at {@code A·(r − cr, c − cc) + (cr, cc)}, where
 * {@code A = rotation · shift · shear · zoom} (Keras' product order) acts on (row, column)
 * coordinates and (cr, cc) is the centre.
 *
 * <p>Because the matrix maps output to input, a positive shift moves the content towards smaller
 * indices (up or left), a positive angle turns it clockwise on screen, and a zoom above 1 shrinks
 * it; with symmetric random ranges none of these signs matter.
 */
final class AffineWarp {
    /** What the input holds outside its bounds. */
    enum Fill {
        /** The nearest edge pixel: Keras' default {@code fill_mode='nearest'}. */
        EDGE,
        /** Zero. */
        ZERO
    }

    private final int height;
    private final int width;
    private final Fill fill;
    /** A = [[a00, a01], [a10, a11]], acting on (row, column). */
    private final double a00;
    private final double a01;
    private final double a10;
    private final double a11;
    private final double rowOffset;
    private final double colOffset;

    private AffineWarp(int height, int width, Fill fill, double[][] matrix, double centreRow,
            double centreCol) {
        this.height = height;
        this.width = width;
        this.fill = fill;
        a00 = matrix[0][0];
        a01 = matrix[0][1];
        a10 = matrix[1][0];
        a11 = matrix[1][1];
        // input = A·(p − centre) + t + centre, so the constant part is t + centre − A·centre.
        rowOffset = matrix[0][2] + centreRow - a00 * centreRow - a01 * centreCol;
        colOffset = matrix[1][2] + centreCol - a10 * centreRow - a11 * centreCol;
    }

    /**
     * The warp for given parameters: rotation and shear in degrees, shifts in pixels (rows,
     * columns), zooms as scale factors of rows and columns.
     */
    static AffineWarp of(int height, int width, double centreRow, double centreCol, Fill fill,
            double rotationDegrees, double shiftRows, double shiftCols, double shearDegrees,
            double zoomRows, double zoomCols) {
        double theta = Math.toRadians(rotationDegrees);
        double shear = Math.toRadians(shearDegrees);
        double[][] rotation = {
            {Math.cos(theta), -Math.sin(theta), 0},
            {Math.sin(theta), Math.cos(theta), 0},
            {0, 0, 1}};
        double[][] shift = {{1, 0, shiftRows}, {0, 1, shiftCols}, {0, 0, 1}};
        double[][] shearing = {{1, -Math.sin(shear), 0}, {0, Math.cos(shear), 0}, {0, 0, 1}};
        double[][] zoom = {{zoomRows, 0, 0}, {0, zoomCols, 0}, {0, 0, 1}};
        double[][] matrix = multiply(multiply(multiply(rotation, shift), shearing), zoom);
        return new AffineWarp(height, width, fill, matrix, centreRow, centreCol);
    }

    /**
     * Draws the parameters as Keras' {@code get_random_transform} does (a range of 0 draws
     * nothing), in its order: angle, row shift, column shift, shear, row zoom, column zoom.
     */
    static AffineWarp sample(AugmentSpec spec, int height, int width, double centreRow,
            double centreCol, Fill fill, SplittableRandom rng) {
        double theta = symmetric(rng, spec.rotation());
        double shiftRows = symmetric(rng, spec.heightShift()) * height;
        double shiftCols = symmetric(rng, spec.widthShift()) * width;
        double shear = symmetric(rng, spec.shear());
        double zoomRows = 1;
        double zoomCols = 1;
        if (spec.zoom() > 0) {
            zoomRows = 1 + symmetric(rng, spec.zoom());
            zoomCols = 1 + symmetric(rng, spec.zoom());
        }
        return of(height, width, centreRow, centreCol, fill,
                theta, shiftRows, shiftCols, shear, zoomRows, zoomCols);
    }

    private static double symmetric(SplittableRandom rng, double range) {
        return range > 0 ? rng.nextDouble(-range, range) : 0;
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        double[][] product = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    product[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return product;
    }

    /** Warps the height×width image at {@code src[srcOffset…]} into {@code dst[dstOffset…]}. */
    void apply(float[] src, int srcOffset, float[] dst, int dstOffset) {
        for (int r = 0; r < height; r++) {
            double row = a00 * r + rowOffset;
            double col = a10 * r + colOffset;
            for (int c = 0; c < width; c++, row += a01, col += a11) {
                dst[dstOffset + r * width + c] = bilinear(src, srcOffset, row, col);
            }
        }
    }

    private float bilinear(float[] src, int offset, double row, double col) {
        double r0 = Math.floor(row);
        double c0 = Math.floor(col);
        float fr = (float) (row - r0);
        float fc = (float) (col - c0);
        int r = (int) r0;
        int c = (int) c0;
        float top = (1 - fc) * at(src, offset, r, c) + fc * at(src, offset, r, c + 1);
        float bottom = (1 - fc) * at(src, offset, r + 1, c) + fc * at(src, offset, r + 1, c + 1);
        return (1 - fr) * top + fr * bottom;
    }

    private float at(float[] src, int offset, int r, int c) {
        if (r >= 0 && r < height && c >= 0 && c < width) {
            return src[offset + r * width + c];
        }
        if (fill == Fill.ZERO) {
            return 0;
        }
        return src[offset + clamp(r, height) * width + clamp(c, width)];
    }

    private static int clamp(int i, int size) {
        return Math.max(0, Math.min(size - 1, i));
    }
}
