package io.sweeper.train.data;

import io.sweeper.SweeperException;

/**
 * Random augmentation with Keras {@code ImageDataGenerator} semantics; all zero (the default) is
 * the identity. Per image, independently:
 *
 * @param rotation degrees; the angle is uniform in [−rotation, rotation] ({@code rotation_range})
 * @param shear degrees, as Keras' {@code shear_range} (an angle, not a slope); uniform in
 *     [−shear, shear]
 * @param zoom row and column scales each uniform in [1 − zoom, 1 + zoom], independently
 *     ({@code zoom_range})
 * @param widthShift fraction of the width; the shift is uniform in ±widthShift·width
 *     ({@code width_shift_range})
 * @param heightShift fraction of the height, likewise ({@code height_shift_range})
 */
public record AugmentSpec(double rotation, double shear, double zoom, double widthShift,
        double heightShift) {

    public AugmentSpec {
        check("rotation", rotation, 360, "degrees from 0 to 360");
        check("shear", shear, 89, "degrees from 0 to 89");
        check("zoom", zoom, 0.99, "a fraction from 0 to 0.99");
        check("widthShift", widthShift, 0.99, "a fraction of the width from 0 to 0.99");
        check("heightShift", heightShift, 0.99, "a fraction of the height from 0 to 0.99");
    }

    private static void check(String key, double value, double max, String range) {
        if (!(value >= 0 && value <= max)) {
            throw new SweeperException("augmentation " + key + " = " + value
                    + " is out of range; use " + range);
        }
    }

    /** No augmentation. */
    public static AugmentSpec none() {
        return new AugmentSpec(0, 0, 0, 0, 0);
    }

    /** True when every range is 0: batches then copy the stored images unwarped. */
    public boolean isIdentity() {
        return rotation == 0 && shear == 0 && zoom == 0 && widthShift == 0 && heightShift == 0;
    }
}
