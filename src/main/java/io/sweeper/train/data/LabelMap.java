package io.sweeper.train.data;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.IntStream;

/**
 * Class index ↔ class folder name ↔ display label. Class indices follow the folder names in
 * sorted order (as Keras' {@code flow_from_directory} numbers them). Users always see the label.
 *
 * <p>For the MIDAS task-2 layout — folders among {@code Sample001}…{@code Sample062}, all of them or
 * a subset — the labels are the characters the folders hold: {@code 0}–{@code 9}, {@code A}–{@code Z},
 * {@code a}–{@code z}. For any other layout the label is the folder name.
 */
public record LabelMap(List<String> folders, List<String> labels) {
    private static final String MIDAS_CHARACTERS =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public LabelMap {
        folders = List.copyOf(folders);
        labels = List.copyOf(labels);
        if (folders.size() != labels.size()) {
            throw new IllegalArgumentException(
                    folders.size() + " folders but " + labels.size() + " labels");
        }
    }

    /** The label map of a data set whose class folders are {@code folderNames}, in any order. */
    public static LabelMap ofFolders(List<String> folderNames) {
        List<String> sorted = folderNames.stream().sorted().toList();
        List<String> midas = midasFolders();
        if (!sorted.isEmpty() && midas.containsAll(sorted)) {
            List<String> characters = sorted.stream()
                    .map(f -> String.valueOf(MIDAS_CHARACTERS.charAt(midas.indexOf(f)))).toList();
            return new LabelMap(sorted, characters);
        }
        return new LabelMap(sorted, sorted);
    }

    private static List<String> midasFolders() {
        List<String> names = new ArrayList<>(MIDAS_CHARACTERS.length());
        IntStream.rangeClosed(1, MIDAS_CHARACTERS.length())
                .forEach(i -> names.add(String.format("Sample%03d", i)));
        return names;
    }

    public int size() {
        return folders.size();
    }

    public String label(int classIndex) {
        return labels.get(classIndex);
    }

    public String folder(int classIndex) {
        return folders.get(classIndex);
    }

    public OptionalInt indexOfLabel(String label) {
        int i = labels.indexOf(label);
        return i < 0 ? OptionalInt.empty() : OptionalInt.of(i);
    }

    public OptionalInt indexOfFolder(String folder) {
        int i = folders.indexOf(folder);
        return i < 0 ? OptionalInt.empty() : OptionalInt.of(i);
    }
}
