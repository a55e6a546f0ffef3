package io.sweeper.train.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sweeper.SweeperException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderTest {
    @TempDir
    Path temp;

    @Test
    void classesAndFilesAreSortedAndLabelledByFolder() throws Exception {
        Path data = TestImages.copySubset(temp.resolve("data"),
                List.of("Sample037", "Sample001", "Sample011"), 3);

        ImageFolder folder = ImageFolder.scan(data);

        assertThat(folder.labelMap().folders()).containsExactly("Sample001", "Sample011", "Sample037");
        assertThat(folder.files()).containsExactly(
                "Sample001/img001-001.png", "Sample001/img001-002.png", "Sample001/img001-003.png",
                "Sample011/img011-001.png", "Sample011/img011-002.png", "Sample011/img011-003.png",
                "Sample037/img037-001.png", "Sample037/img037-002.png", "Sample037/img037-003.png");
        assertThat(folder.labels()).containsExactly(0, 0, 0, 1, 1, 1, 2, 2, 2);
    }

    @Test
    void nonImageFilesHiddenEntriesAndNestedFoldersAreIgnored() throws Exception {
        Path data = TestImages.copySubset(temp.resolve("data"), List.of("Sample001"), 2);
        Files.writeString(data.resolve("Sample001/notes.txt"), "not an image");
        Files.writeString(data.resolve("Sample001/.DS_Store"), "finder");
        Files.createDirectories(data.resolve("Sample001/nested"));
        Files.createDirectories(data.resolve(".hidden-class"));
        Files.writeString(data.resolve("README.md"), "top-level file");

        ImageFolder folder = ImageFolder.scan(data);

        assertThat(folder.labelMap().folders()).containsExactly("Sample001");
        assertThat(folder.files())
                .containsExactly("Sample001/img001-001.png", "Sample001/img001-002.png");
    }

    @Test
    void missingFolderIsNamed() {
        Path missing = temp.resolve("nowhere");

        assertThatThrownBy(() -> ImageFolder.scan(missing))
                .isInstanceOf(SweeperException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("does not exist");
    }

    @Test
    void fileInsteadOfFolderIsNamed() throws Exception {
        Path file = Files.writeString(temp.resolve("data.txt"), "x");

        assertThatThrownBy(() -> ImageFolder.scan(file))
                .isInstanceOf(SweeperException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not a folder");
    }

    @Test
    void emptyFolderHasNoClasses() throws Exception {
        Path empty = Files.createDirectories(temp.resolve("empty"));

        assertThatThrownBy(() -> ImageFolder.scan(empty))
                .isInstanceOf(SweeperException.class)
                .hasMessageContaining(empty.toString())
                .hasMessageContaining("no class sub-folders");
    }

    @Test
    void classFolderWithoutImagesIsNamed() throws Exception {
        Path data = TestImages.copySubset(temp.resolve("data"), List.of("Sample001"), 2);
        Path lonely = Files.createDirectories(data.resolve("Sample002"));
        Files.writeString(lonely.resolve("labels.csv"), "a,b");

        assertThatThrownBy(() -> ImageFolder.scan(data))
                .isInstanceOf(SweeperException.class)
                .hasMessageContaining(lonely.toString())
                .hasMessageContaining("has no images");
    }
}
