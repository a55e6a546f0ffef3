package io.sweeper.train.data;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Decodes one image file with {@link ImageIO} into gray levels exactly as PIL's
 * {@code convert('L')} does — the first step of Keras' {@code load_img(color_mode='grayscale')}:
 * colour images become {@code L = (R·19595 + G·38470 + B·7471 + 0x8000) >> 16} (PIL's integer
 * ITU-R 601 luma), gray images keep their levels, alpha is ignored.
 *
 * <p>Samples are read from the raster, never through {@code getRGB}: that is several times slower
 * and converts gray images through a linear gray colour space, changing their levels.
 */
final class ImageDecoder {
    private ImageDecoder() {
    }

    /** Throws {@link UnreadableImageException} naming {@code file} when it does not decode. */
    static GrayImage decode(Path file) {
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            // ImageIO reports truncation and corruption as IIOException (or, for some malformed
            // files, as runtime exceptions from inside the codec); the innermost cause says why.
            throw new UnreadableImageException("image " + file + " is corrupt or truncated ("
                    + describe(e) + ")", e);
        }
        if (image == null) {
            throw new UnreadableImageException("file " + file + " is not an image ImageIO can read");
        }
        return toGray(image);
    }

    static GrayImage toGray(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        byte[] gray = new byte[width * height];
        Raster raster = image.getRaster();
        ColorModel colorModel = image.getColorModel();
        if (colorModel instanceof IndexColorModel) {
            grayFromPalette(image, gray);
        } else if (raster.getSampleModel() instanceof PixelInterleavedSampleModel sampleModel
                && raster.getDataBuffer() instanceof DataBufferByte buffer) {
            grayFromInterleavedBytes(raster, sampleModel, buffer, gray);
        } else {
            grayFromSamples(raster, colorModel, gray);
        }
        return new GrayImage(width, height, gray);
    }

    static int luma(int r, int g, int b) {
        return (r * 19595 + g * 38470 + b * 7471 + 0x8000) >> 16;
    }

    /** Palette images: PIL converts them through their palette's colours too. */
    private static void grayFromPalette(BufferedImage image, byte[] gray) {
        int width = image.getWidth();
        int[] row = new int[width];
        for (int y = 0; y < image.getHeight(); y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int argb = row[x];
                gray[y * width + x] = (byte) luma((argb >> 16) & 0xff, (argb >> 8) & 0xff, argb & 0xff);
            }
        }
    }

    /** The common case (8-bit gray, RGB, BGR, RGBA…): index the bytes directly. */
    private static void grayFromInterleavedBytes(Raster raster, PixelInterleavedSampleModel model,
            DataBufferByte buffer, byte[] gray) {
        int width = raster.getWidth();
        int height = raster.getHeight();
        byte[] data = buffer.getData();
        int pixelStride = model.getPixelStride();
        int scanlineStride = model.getScanlineStride();
        int[] bandOffsets = model.getBandOffsets();
        int origin = buffer.getOffset()
                - raster.getSampleModelTranslateY() * scanlineStride
                - raster.getSampleModelTranslateX() * pixelStride;
        boolean colour = raster.getNumBands() >= 3;
        for (int y = 0; y < height; y++) {
            int p = origin + y * scanlineStride;
            int out = y * width;
            for (int x = 0; x < width; x++, p += pixelStride) {
                int r = data[p + bandOffsets[0]] & 0xff;
                gray[out + x] = (byte) (colour
                        ? luma(r, data[p + bandOffsets[1]] & 0xff, data[p + bandOffsets[2]] & 0xff)
                        : r);
            }
        }
    }

    /** Everything else (16-bit, packed, …): samples scaled to 0–255, then as above. */
    private static void grayFromSamples(Raster raster, ColorModel colorModel, byte[] gray) {
        int width = raster.getWidth();
        int bands = raster.getNumBands();
        boolean colour = bands >= 3;
        int[] row = new int[width * bands];
        int[] max = new int[bands];
        for (int b = 0; b < bands; b++) {
            max[b] = (1 << colorModel.getComponentSize(b)) - 1;
        }
        for (int y = 0; y < raster.getHeight(); y++) {
            raster.getPixels(0, y, width, 1, row);
            for (int x = 0; x < width; x++) {
                int s = x * bands;
                int r = to8Bit(row[s], max[0]);
                gray[y * width + x] = (byte) (colour
                        ? luma(r, to8Bit(row[s + 1], max[1]), to8Bit(row[s + 2], max[2]))
                        : r);
            }
        }
    }

    private static int to8Bit(int sample, int max) {
        return max == 255 ? sample : (int) ((sample * 255L + max / 2) / max);
    }

    /** "what ImageIO said: what the innermost cause said", e.g. "Error reading PNG image data:
     * Unexpected end of ZLIB input stream". */
    private static String describe(Throwable e) {
        Throwable innermost = e;
        while (innermost.getCause() != null) {
            innermost = innermost.getCause();
        }
        return innermost == e ? message(e) : message(e) + ": " + message(innermost);
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
