package io.sweeper.train.data;

import io.sweeper.SweeperException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A partition of sample indices into training and validation, each ascending.
 */
public record Split(int[] train, int[] validation) {

    public Split {
        train = train.clone();
        validation = validation.clone();
    }

    @Override
    public int[] train() {
        return train.clone();
    }

    @Override
    public int[] validation() {
        return validation.clone();
    }

    /**
     * Keras' {@code validation_split}, the seed's split: per class, in sample order (files sorted),
     * the first {@code (int) (fraction · n)} samples are validation, the rest training. With 0.2
     * on MIDAS: 8 of each class's 40, 496 validation and 1,984 training.
     *
     * @param labels class index per sample, in sample order ({@link ImageTensors#labels()})
     */
    public static Split keras(int[] labels, double validationFraction) {
        checkFraction(validationFraction);
        List<List<Integer>> byClass = samplesByClass(labels);
        return fromChosen(labels.length, byClass, validationFraction);
    }

    /**
     * A seeded stratified split: per class, the samples are shuffled with {@code seed} and the first
     * {@code (int) (fraction · n)} of the shuffle are validation. Same labels and seed, same split.
     */
    public static Split stratified(int[] labels, double validationFraction, long seed) {
        checkFraction(validationFraction);
        SplittableRandom rng = new SplittableRandom(seed);
        List<List<Integer>> byClass = samplesByClass(labels);
        for (List<Integer> samples : byClass) {
            for (int i = samples.size() - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                samples.set(i, samples.set(j, samples.get(i)));
            }
        }
        return fromChosen(labels.length, byClass, validationFraction);
    }

    private static void checkFraction(double fraction) {
        if (!(fraction >= 0 && fraction < 1)) {
            throw new SweeperException("validation fraction " + fraction
                    + " is out of range; use a fraction from 0 (no validation) to below 1");
        }
    }

    private static List<List<Integer>> samplesByClass(int[] labels) {
        int classes = Arrays.stream(labels).max().orElse(-1) + 1;
        List<List<Integer>> byClass = new ArrayList<>(classes);
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < labels.length; i++) {
            byClass.get(labels[i]).add(i);
        }
        return byClass;
    }

    /** The first {@code (int) (fraction · n)} of each class's list go to validation. */
    private static Split fromChosen(int count, List<List<Integer>> byClass, double fraction) {
        boolean[] isValidation = new boolean[count];
        for (List<Integer> samples : byClass) {
            int validationCount = (int) (fraction * samples.size());
            samples.subList(0, validationCount).forEach(i -> isValidation[i] = true);
        }
        int[] validation = new int[count];
        int[] train = new int[count];
        int v = 0;
        int t = 0;
        for (int i = 0; i < count; i++) {
            if (isValidation[i]) {
                validation[v++] = i;
            } else {
                train[t++] = i;
            }
        }
        return new Split(Arrays.copyOf(train, t), Arrays.copyOf(validation, v));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Split other
                && Arrays.equals(train, other.train) && Arrays.equals(validation, other.validation);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(train) + Arrays.hashCode(validation);
    }

    @Override
    public String toString() {
        return "Split[train=" + train.length + " samples, validation=" + validation.length
                + " samples]";
    }
}
