package io.sweeper.train.data;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import javax.imageio.ImageIO;

/** The real data set, small copies of it, synthetic images, and an independent PNG reader. */
public final class TestImages {
    /** The MIDAS training set, read in place (tests run from the project root). */
    public static final Path MIDAS = Path.of("../shared/data/midas-task2/train");

    private TestImages() {
    }

    /**
     * Copies the first {@code perClass} images of each of {@code classes} into
     * {@code target}: a small data set with the real files.
     */
    public static Path copySubset(Path target, List<String> classes, int perClass) throws IOException {
        for (String folder : classes) {
            Path dir = Files.createDirectories(target.resolve(folder));
            try (Stream<Path> files = Files.list(MIDAS.resolve(folder))) {
                for (Path file : files.sorted().limit(perClass).toList()) {
                    Files.copy(file, dir.resolve(file.getFileName()));
                }
            }
        }
        return target;
    }

    static void writePng(BufferedImage image, Path file) {
        try {
            Files.createDirectories(file.getParent());
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A white RGB image with black rectangles, each {x, y, width, height}. */
    static BufferedImage whiteWithBlackRectangles(int width, int height, int[]... rectangles) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, 0xffffff);
            }
        }
        for (int[] r : rectangles) {
            for (int y = r[1]; y < r[1] + r[3]; y++) {
                for (int x = r[0]; x < r[0] + r[2]; x++) {
                    image.setRGB(x, y, 0);
                }
            }
        }
        return image;
    }

    /** Raw RGB of an 8-bit, non-interlaced RGB PNG. */
    record Rgb(int width, int height, byte[] bytes) {
        int channel(int x, int y, int c) {
            return bytes[(y * width + x) * 3 + c] & 0xff;
        }
    }

    /**
     * Decodes an 8-bit RGB PNG without ImageIO — chunks, zlib, the five scanline filters — so
     * that tests check the decoder's output against an independent reading of the same bytes.
     */
    static Rgb readRgbPng(Path file) throws IOException, DataFormatException {
        ByteBuffer png = ByteBuffer.wrap(Files.readAllBytes(file));
        png.position(8);
        int width = 0;
        int height = 0;
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        while (png.remaining() >= 12) {
            int length = png.getInt();
            byte[] type = new byte[4];
            png.get(type);
            byte[] data = new byte[length];
            png.get(data);
            png.getInt();
            String name = new String(type, StandardCharsets.US_ASCII);
            if (name.equals("IHDR")) {
                ByteBuffer header = ByteBuffer.wrap(data);
                width = header.getInt();
                height = header.getInt();
                if (header.get() != 8 || header.get() != 2 || data[12] != 0) {
                    throw new IOException(file + " is not an 8-bit non-interlaced RGB PNG");
                }
            } else if (name.equals("IDAT")) {
                compressed.write(data);
            }
        }
        int stride = width * 3;
        byte[] filtered = new byte[(stride + 1) * height];
        Inflater inflater = new Inflater();
        inflater.setInput(compressed.toByteArray());
        int n = 0;
        while (n < filtered.length && !inflater.finished()) {
            n += inflater.inflate(filtered, n, filtered.length - n);
        }
        inflater.end();
        byte[] rgb = new byte[stride * height];
        for (int y = 0; y < height; y++) {
            int filter = filtered[y * (stride + 1)];
            for (int i = 0; i < stride; i++) {
                int raw = filtered[y * (stride + 1) + 1 + i] & 0xff;
                int left = i >= 3 ? rgb[y * stride + i - 3] & 0xff : 0;
                int up = y > 0 ? rgb[(y - 1) * stride + i] & 0xff : 0;
                int upLeft = i >= 3 && y > 0 ? rgb[(y - 1) * stride + i - 3] & 0xff : 0;
                int predicted = switch (filter) {
                    case 0 -> 0;
                    case 1 -> left;
                    case 2 -> up;
                    case 3 -> (left + up) / 2;
                    case 4 -> paeth(left, up, upLeft);
                    default -> throw new IOException("bad PNG filter " + filter);
                };
                rgb[y * stride + i] = (byte) (raw + predicted);
            }
        }
        return new Rgb(width, height, rgb);
    }

    private static int paeth(int a, int b, int c) {
        int p = a + b - c;
        int pa = Math.abs(p - a);
        int pb = Math.abs(p - b);
        int pc = Math.abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
