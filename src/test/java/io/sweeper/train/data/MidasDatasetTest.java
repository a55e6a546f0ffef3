package io.sweeper.train.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole MIDAS training set, loaded once (the slow test of this package). */
class MidasDatasetTest {
    @TempDir
    static Path cacheDir;
    private static LoadResult cold;

    @BeforeAll
    static void loadOnce() {
        cold = DatasetLoader.load(TestImages.MIDAS, PipelineSpec.seed(),
                LoadOptions.cachedIn(cacheDir).withThreads(2));
    }

    @Test
    void allImagesAndClassesAreLoaded() {
        ImageTensors data = cold.tensors();

        assertThat(cold.report().fromCache()).isFalse();
        assertThat(cold.report().decodedCount()).isEqualTo(2480);
        assertThat(data.count()).isEqualTo(2480);
        assertThat(data.labelMap().size()).isEqualTo(62);
        assertThat(data.labelMap().label(data.label(0))).isEqualTo("0");
        assertThat(data.labelMap().label(data.label(2479))).isEqualTo("z");
        int[] perClass = new int[62];
        Arrays.stream(data.labels()).forEach(label -> perClass[label]++);
        assertThat(perClass).containsOnly(40);
    }

    @Test
    void secondLoadDecodesNothing() {
        LoadResult warm = DatasetLoader.load(TestImages.MIDAS, PipelineSpec.seed(),
                LoadOptions.cachedIn(cacheDir).withThreads(2));

        assertThat(warm.report().fromCache()).isTrue();
        assertThat(warm.report().decodedCount()).isZero();
        assertThat(warm.tensors().pixels()).isEqualTo(cold.tensors().pixels());
    }

    @Test
    void seedSplitIs496ValidationImagesTheFirstEightFilesOfEachClass() {
        ImageTensors data = cold.tensors();

        Split split = Split.keras(data.labels(), 0.2);

        assertThat(split.validation()).hasSize(496);
        assertThat(split.train()).hasSize(1984);
        SplitTest.assertPartition(split, 2480);
        // Sample001's files sorted: 001, 002, 003, 004, 007, 008, 009, 010 | 011, …
        assertThat(Arrays.stream(split.validation()).limit(9).mapToObj(i -> data.paths().get(i)))
                .containsExactly("Sample001/img001-001.png", "Sample001/img001-002.png",
                        "Sample001/img001-003.png", "Sample001/img001-004.png",
                        "Sample001/img001-007.png", "Sample001/img001-008.png",
                        "Sample001/img001-009.png", "Sample001/img001-010.png",
                        "Sample002/img002-001.png");
    }

    @Test
    void stratifiedSplitTakesEightOfEveryClass() {
        int[] labels = cold.tensors().labels();

        Split split = Split.stratified(labels, 0.2, 42);

        assertThat(split.validation()).hasSize(496);
        assertThat(split.train()).hasSize(1984);
        SplitTest.assertPartition(split, 2480);
        int[] perClass = new int[62];
        Arrays.stream(split.validation()).forEach(i -> perClass[labels[i]]++);
        assertThat(perClass).containsOnly(8);
        assertThat(split).isEqualTo(Split.stratified(labels, 0.2, 42));
        assertThat(split).isNotEqualTo(Split.keras(labels, 0.2));
    }
}
