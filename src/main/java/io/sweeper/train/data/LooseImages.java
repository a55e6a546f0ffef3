package io.sweeper.train.data;

import io.sweeper.SweeperException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Images outside a folder-per-class layout — one file, or every image under a folder — preprocessed
 * like training data, for prediction. Their label is unknown (all 0, one class "?").
 */
public final class LooseImages {
    private LooseImages() {
    }

    /** The image files at {@code path}: itself, or every image file under it, sorted. */
    public static List<Path> list(Path path) {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        if (!Files.isDirectory(path)) {
            // a device or pipe (/dev/zero) is not an image, and ImageIO would read it forever
            throw new SweeperException(path + (Files.exists(path)
                    ? ": not a regular file or a folder; give an image file or a folder of them"
                    : ": no such file or folder"));
        }
        try (Stream<Path> files = Files.walk(path)) {
            List<Path> images = files.filter(Files::isRegularFile).filter(f -> ImageFolder.isImageName(f.getFileName().toString())).sorted().toList();
            if (images.isEmpty()) {
                throw new SweeperException(path + ": no image files in it (" + String.join(", ", ImageFolder.IMAGE_SUFFIXES) + ")");
            }
            return images;
        } catch (IOException e) {
            throw new SweeperException(path + ": cannot list (" + e.getMessage() + ")");
        }
    }

    /** Decodes and preprocesses the files; an unreadable file fails with its path. */
    public static ImageTensors load(List<Path> files, PipelineSpec spec) {
        ImagePipeline pipeline = ImagePipeline.of(spec);
        int imageSize = pipeline.height() * pipeline.width();
        float[] pixels = new float[files.size() * imageSize];
        for (int i = 0; i < files.size(); i++) {
            pipeline.preprocess(ImageDecoder.decode(files.get(i)), pixels, i * imageSize);
        }
        return new ImageTensors(spec, new LabelMap(List.of("?"), List.of("?")),
                files.stream().map(Path::toString).toList(), new int[files.size()],
                pipeline.height(), pipeline.width(), pixels);
    }
}
