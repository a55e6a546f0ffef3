package io.sweeper.train.data;

/**
 * A decoded image as 8-bit gray levels (0 = black, 255 = white), row-major: what PIL's
 * {@code convert('L')} gives, before any pipeline touches it.
 */
record GrayImage(int width, int height, byte[] pixels) {
    GrayImage {
        if (pixels.length != width * height) {
            throw new IllegalArgumentException(
                    pixels.length + " pixels for a " + width + "x" + height + " image");
        }
    }

    int gray(int x, int y) {
        return pixels[y * width + x] & 0xff;
    }
}
