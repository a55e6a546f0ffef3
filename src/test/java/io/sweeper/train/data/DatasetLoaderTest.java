package io.sweeper.train.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sweeper.SweeperException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading a 3-class × 5-image copy of MIDAS: the cache, and every kind of bad input. */
class DatasetLoaderTest {
    private static final List<String> CLASSES = List.of("Sample001", "Sample011", "Sample037");

    @TempDir
    Path temp;
    private Path data;
    private Path cacheDir;
    private LoadOptions cached;

    @BeforeEach
    void copyData() throws IOException {
        data = TestImages.copySubset(temp.resolve("data"), CLASSES, 5);
        cacheDir = temp.resolve("cache");
        cached = LoadOptions.cachedIn(cacheDir).withThreads(2);
    }

    @Test
    void coldLoadDecodesEveryImageInSampleOrder() {
        LoadResult result = DatasetLoader.load(data, PipelineSpec.seed(), cached);

        assertThat(result.report().fromCache()).isFalse();
        assertThat(result.report().decodedCount()).isEqualTo(15);
        assertThat(result.report().imageCount()).isEqualTo(15);
        assertThat(result.report().cacheFile()).isPresent();
        assertThat(result.report().cacheFile().get()).exists();
        ImageTensors tensors = result.tensors();
        assertThat(tensors.count()).isEqualTo(15);
        assertThat(tensors.labels()).containsExactly(0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2);
        assertThat(tensors.paths().get(5)).isEqualTo("Sample011/img011-001.png");
        assertThat(tensors.pipeline()).isEqualTo(PipelineSpec.seed());
        assertThat(tensors.labelMap().folders()).containsExactlyElementsOf(CLASSES);
        assertThat(tensors.labelMap().labels()).containsExactly("0", "A", "a");
    }

    @Test
    void secondLoadComesFromTheCacheWithoutDecodingAndIsIdentical() {
        ImageTensors first = DatasetLoader.load(data, PipelineSpec.seed(), cached).tensors();

        LoadResult second = DatasetLoader.load(data, PipelineSpec.seed(), cached);

        assertThat(second.report().fromCache()).isTrue();
        assertThat(second.report().decodedCount()).isZero();
        assertSameTensors(second.tensors(), first);
    }

    @Test
    void cachedLoadMatchesAnUncachedOneAndThreadCountDoesNotMatter() {
        DatasetLoader.load(data, PipelineSpec.clean(), cached);
        ImageTensors fromCache = DatasetLoader.load(data, PipelineSpec.clean(), cached).tensors();

        ImageTensors oneThread = DatasetLoader.load(data, PipelineSpec.clean(),
                LoadOptions.uncached().withThreads(1)).tensors();

        assertSameTensors(fromCache, oneThread);
    }

    @Test
    void otherPipelineParametersGetTheirOwnEntry() {
        DatasetLoader.load(data, PipelineSpec.clean(28, true, 0.2), cached);

        LoadResult otherMargin = DatasetLoader.load(data, PipelineSpec.clean(28, true, 0.1), cached);
        LoadResult otherPipeline = DatasetLoader.load(data, PipelineSpec.seed(), cached);
        LoadResult firstAgain = DatasetLoader.load(data, PipelineSpec.clean(28, true, 0.2), cached);

        assertThat(otherMargin.report().fromCache()).isFalse();
        assertThat(otherMargin.report().decodedCount()).isEqualTo(15);
        assertThat(otherPipeline.report().fromCache()).isFalse();
        assertThat(firstAgain.report().fromCache()).isTrue();
        assertThat(cacheFiles()).hasSize(3);
        assertThat(Arrays.equals(otherMargin.tensors().pixels(), firstAgain.tensors().pixels()))
                .isFalse();
    }

    @Test
    void changedImageContentMissesTheCache() throws IOException {
        DatasetLoader.load(data, PipelineSpec.seed(), cached);
        // Same name, another image's bytes.
        Files.copy(TestImages.MIDAS.resolve("Sample002/img002-001.png"),
                data.resolve("Sample001/img001-001.png"),
                StandardCopyOption.REPLACE_EXISTING);

        LoadResult again = DatasetLoader.load(data, PipelineSpec.seed(), cached);

        assertThat(again.report().fromCache()).isFalse();
        assertThat(again.report().decodedCount()).isEqualTo(15);
    }

    @Test
    void corruptCacheFileIsIgnoredAndRebuilt() throws IOException {
        Path file = DatasetLoader.load(data, PipelineSpec.seed(), cached).report().cacheFile()
                .orElseThrow();
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(file, bytes);

        LoadResult rebuilt = DatasetLoader.load(data, PipelineSpec.seed(), cached);
        LoadResult afterRebuild = DatasetLoader.load(data, PipelineSpec.seed(), cached);

        assertThat(rebuilt.report().fromCache()).isFalse();
        assertThat(rebuilt.report().decodedCount()).isEqualTo(15);
        assertThat(afterRebuild.report().fromCache()).isTrue();
    }

    @Test
    void truncatedCacheFileAndLeftoverTemporaryFileDoNoHarm() throws IOException {
        Path file = DatasetLoader.load(data, PipelineSpec.seed(), cached).report().cacheFile()
                .orElseThrow();
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 3));
        // What a process killed mid-write leaves: a temporary file, never the entry's name.
        Files.write(cacheDir.resolve(file.getFileName() + ".12345.tmp"), Arrays.copyOf(bytes, 100));

        LoadResult rebuilt = DatasetLoader.load(data, PipelineSpec.seed(), cached);

        assertThat(rebuilt.report().fromCache()).isFalse();
        assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
    }

    @Test
    void writingTheCacheLeavesNoTemporaryFiles() {
        DatasetLoader.load(data, PipelineSpec.seed(), cached);

        assertThat(cacheFiles()).hasSize(1);
        assertThat(cacheFiles().get(0).getFileName().toString()).endsWith(".tensors");
    }

    @Test
    void missingDataFolderFailsWithItsPath() {
        Path missing = temp.resolve("missing");

        assertThatThrownBy(() -> DatasetLoader.load(missing, PipelineSpec.seed(), cached))
                .isInstanceOf(SweeperException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void truncatedPngFailsNamingIt() throws IOException {
        Path png = data.resolve("Sample011/img011-003.png");
        byte[] bytes = Files.readAllBytes(png);
        Files.write(png, Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> DatasetLoader.load(data, PipelineSpec.seed(), cached))
                .isInstanceOf(SweeperException.class)
                .hasMessageContaining(png.toString())
                .hasMessageContaining("corrupt or truncated")
                .hasMessageContaining("skipBadImages");
        assertThat(cacheFiles()).isEmpty();
    }

    @Test
    void textFileNamedPngFailsNamingIt() throws IOException {
        Path fake = Files.writeString(data.resolve("Sample037/zz-notes.png"), "just some text\n");

        assertThatThrownBy(() -> DatasetLoader.load(data, PipelineSpec.seed(), cached))
                .isInstanceOf(SweeperException.class)
                .hasMessageContaining(fake.toString())
                .hasMessageContaining("not an image");
    }

    @Test
    void theFirstBadFileInSampleOrderIsTheOneReported() throws IOException {
        Path early = Files.writeString(data.resolve("Sample001/img001-000.png"), "text");
        Files.writeString(data.resolve("Sample037/img037-999.png"), "text");

        for (int attempt = 0; attempt < 3; attempt++) {
            assertThatThrownBy(() -> DatasetLoader.load(data, PipelineSpec.seed(), cached))
                    .hasMessageContaining(early.toString());
        }
    }

    @Test
    void skipBadImagesLeavesThemOutAndReportsThem() throws IOException {
        Path png = data.resolve("Sample011/img011-003.png");
        byte[] bytes = Files.readAllBytes(png);
        Files.write(png, Arrays.copyOf(bytes, bytes.length / 2));
        Files.writeString(data.resolve("Sample037/zz-notes.png"), "just some text\n");
        LoadOptions skipping = cached.withSkipBadImages(true);

        LoadResult result = DatasetLoader.load(data, PipelineSpec.seed(), skipping);
        LoadResult again = DatasetLoader.load(data, PipelineSpec.seed(), skipping);

        assertThat(result.report().skippedFiles())
                .containsExactly("Sample011/img011-003.png", "Sample037/zz-notes.png");
        assertThat(result.report().skippedCount()).isEqualTo(2);
        assertThat(result.tensors().count()).isEqualTo(14);
        assertThat(result.tensors().paths()).doesNotContain("Sample011/img011-003.png");
        assertThat(result.tensors().labels())
                .containsExactly(0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 2);
        // The images after the skipped one moved up intact.
        ImageTensors clean = DatasetLoader.load(data, PipelineSpec.seed(),
                LoadOptions.uncached().withSkipBadImages(true)).tensors();
        assertThat(result.tensors().image(8)).isEqualTo(clean.image(8));
        assertThat(again.report().fromCache()).isTrue();
        assertThat(again.report().skippedCount()).isEqualTo(2);
    }

    @Test
    void skippingEveryImageOfAClassFailsNamingTheClass() throws IOException {
        Path broken = Files.createDirectories(temp.resolve("tiny/broken"));
        Files.writeString(broken.resolve("a.png"), "text");
        TestImages.copySubset(temp.resolve("tiny"), List.of("Sample001"), 1);

        assertThatThrownBy(() -> DatasetLoader.load(temp.resolve("tiny"), PipelineSpec.seed(),
                LoadOptions.uncached().withSkipBadImages(true)))
                .isInstanceOf(SweeperException.class)
                .hasMessageContaining(broken.toString())
                .hasMessageContaining("no image that decodes");
    }

    @Test
    void withoutACacheNothingIsWrittenAndNoKeyIsReported() {
        LoadResult result = DatasetLoader.load(data, PipelineSpec.seed(), LoadOptions.uncached());

        assertThat(result.report().cacheFile()).isEqualTo(Optional.empty());
        assertThat(cacheDir).doesNotExist();
    }

    private List<Path> cacheFiles() {
        if (!Files.isDirectory(cacheDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(cacheDir)) {
            return files.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertSameTensors(ImageTensors actual, ImageTensors expected) {
        assertThat(actual.count()).isEqualTo(expected.count());
        assertThat(actual.height()).isEqualTo(expected.height());
        assertThat(actual.width()).isEqualTo(expected.width());
        assertThat(actual.paths()).isEqualTo(expected.paths());
        assertThat(actual.labels()).isEqualTo(expected.labels());
        assertThat(actual.labelMap()).isEqualTo(expected.labelMap());
        assertThat(actual.pipeline()).isEqualTo(expected.pipeline());
        assertThat(actual.pixels()).isEqualTo(expected.pixels());
    }
}
