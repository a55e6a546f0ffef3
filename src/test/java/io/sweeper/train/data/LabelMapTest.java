package io.sweeper.train.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class LabelMapTest {

    private static List<String> midasFolders() {
        List<String> folders = new ArrayList<>();
        for (int i = 1; i <= 62; i++) {
            folders.add(String.format("Sample%03d", i));
        }
        return folders;
    }

    @Test
    void midasFoldersMapToDigitsThenUpperThenLowerCase() {
        List<String> shuffled = midasFolders();
        Collections.reverse(shuffled);

        LabelMap map = LabelMap.ofFolders(shuffled);

        assertThat(map.size()).isEqualTo(62);
        assertThat(map.folder(0)).isEqualTo("Sample001");
        assertThat(map.label(0)).isEqualTo("0");
        assertThat(map.label(9)).isEqualTo("9");
        assertThat(map.folder(10)).isEqualTo("Sample011");
        assertThat(map.label(10)).isEqualTo("A");
        assertThat(map.label(35)).isEqualTo("Z");
        assertThat(map.folder(36)).isEqualTo("Sample037");
        assertThat(map.label(36)).isEqualTo("a");
        assertThat(map.label(61)).isEqualTo("z");
        assertThat(map.indexOfLabel("a")).isEqualTo(OptionalInt.of(36));
        assertThat(map.indexOfFolder("Sample062")).isEqualTo(OptionalInt.of(61));
    }

    @Test
    void anyOtherLayoutIsLabelledByFolderNameInSortedOrder() {
        LabelMap map = LabelMap.ofFolders(List.of("dog", "cat", "bird"));

        assertThat(map.folders()).containsExactly("bird", "cat", "dog");
        assertThat(map.labels()).containsExactly("bird", "cat", "dog");
    }

    @Test
    void aSubsetOfTheMidasFoldersKeepsItsCharacters() {
        LabelMap map = LabelMap.ofFolders(List.of("Sample037", "Sample001", "Sample011"));

        assertThat(map.labels()).containsExactly("0", "A", "a");
    }

    @Test
    void midasLikeNamesOutsideItsRangeAreFolderNames() {
        LabelMap map = LabelMap.ofFolders(List.of("Sample001", "Sample063"));

        assertThat(map.labels()).containsExactly("Sample001", "Sample063");
    }

    @Test
    void unknownLabelIsEmpty() {
        assertThat(LabelMap.ofFolders(midasFolders()).indexOfLabel("?")).isEmpty();
    }
}
