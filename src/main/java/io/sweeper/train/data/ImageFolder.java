package io.sweeper.train.data;

import io.sweeper.SweeperException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A folder-per-class image set, scanned and checked: {@code root/<class>/<image>}. Classes are the
 * sub-folders in sorted order; each class's images are its files in sorted order, so the sample
 * order is class by class, file names sorted (the order Keras' {@code flow_from_directory} and
 * its {@code validation_split} use).
 *
 * <p>Like Keras and torchvision, only files whose extension an {@link ImageIO} reader claims count
 * as images; other files and nested folders are listed in one warning and otherwise ignored, and
 * hidden entries (names starting with {@code .}) are ignored silently. Whether an image file
 * really decodes is found out when it is decoded, not here.
 */
public final class ImageFolder {
    private static final Logger log = LoggerFactory.getLogger(ImageFolder.class);
    static final Set<String> IMAGE_SUFFIXES = imageSuffixes();

    private final Path root;
    private final LabelMap labelMap;
    private final List<String> files;
    private final int[] labels;

    private ImageFolder(Path root, LabelMap labelMap, List<String> files, int[] labels) {
        this.root = root;
        this.labelMap = labelMap;
        this.files = List.copyOf(files);
        this.labels = labels;
    }

    /**
     * Scans {@code root}. Throws {@link SweeperException} naming the folder when it is missing,
     * not a folder, has no class sub-folders, or has a class sub-folder without images.
     */
    public static ImageFolder scan(Path root) {
        if (!Files.exists(root)) {
            throw new SweeperException("data folder " + root + " does not exist; pass the folder"
                    + " that holds one sub-folder of images per class");
        }
        if (!Files.isDirectory(root)) {
            throw new SweeperException("data folder " + root + " is a file, not a folder; pass the"
                    + " folder that holds one sub-folder of images per class");
        }
        List<String> classFolders = list(root).stream()
                .filter(name -> Files.isDirectory(root.resolve(name)))
                .toList();
        if (classFolders.isEmpty()) {
            throw new SweeperException("data folder " + root + " has no class sub-folders; put"
                    + " each class's images in a sub-folder of its own (" + root.resolve("<class>")
                    + "/<image>.png)");
        }
        LabelMap labelMap = LabelMap.ofFolders(classFolders);
        List<String> files = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        for (int classIndex = 0; classIndex < labelMap.size(); classIndex++) {
            String folder = labelMap.folder(classIndex);
            Path classDir = root.resolve(folder);
            int before = files.size();
            for (String name : list(classDir)) {
                String relative = folder + "/" + name;
                if (Files.isRegularFile(classDir.resolve(name)) && isImageName(name)) {
                    files.add(relative);
                    labels.add(classIndex);
                } else {
                    ignored.add(relative);
                }
            }
            if (files.size() == before) {
                throw new SweeperException("class folder " + classDir + " has no images (files"
                        + " ending in " + String.join(", ", IMAGE_SUFFIXES) + "); add the class's"
                        + " images or remove the folder");
            }
        }
        if (!ignored.isEmpty()) {
            log.warn("ignored {} entries in {} that are not image files, e.g. {}",
                    ignored.size(), root, ignored.get(0));
        }
        return new ImageFolder(root, labelMap,
                files, labels.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Visible entry names of a folder, sorted. */
    private static List<String> list(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString())
                    .filter(name -> !name.startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new SweeperException("cannot list folder " + dir + " (" + e.getMessage()
                    + "); check that it exists and is readable", e);
        }
    }

    static boolean isImageName(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 && IMAGE_SUFFIXES.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static Set<String> imageSuffixes() {
        Set<String> suffixes = new TreeSet<>();
        Arrays.stream(ImageIO.getReaderFileSuffixes())
                .filter(s -> !s.isEmpty())
                .forEach(s -> suffixes.add(s.toLowerCase(Locale.ROOT)));
        return suffixes;
    }

    public Path root() {
        return root;
    }

    public LabelMap labelMap() {
        return labelMap;
    }

    /** Image paths relative to {@link #root()}, {@code /}-separated, in sample order. */
    public List<String> files() {
        return files;
    }

    /** The class index of each file, in sample order (a copy). */
    public int[] labels() {
        return labels.clone();
    }

    public int size() {
        return files.size();
    }

    public Path resolve(String relativeFile) {
        return root.resolve(relativeFile);
    }
}
