package io.sweeper.train.data;

import io.sweeper.SweeperException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a folder-per-class image set as preprocessed tensors: scan the folder, look the data up in
 * the cache by content hash, and only on a miss decode and preprocess every image (in parallel)
 * and store the result in the cache.
 */
public final class DatasetLoader {
    private static final Logger log = LoggerFactory.getLogger(DatasetLoader.class);

    private DatasetLoader() {
    }

    /**
     * Loads {@code dataDir} through {@code pipeline}. Throws {@link SweeperException}
     * naming the folder or file for a bad layout, and for the first image that does not decode
     * unless {@link LoadOptions#skipBadImages()}.
     */
    public static LoadResult load(Path dataDir, PipelineSpec pipeline, LoadOptions options) {
        long start = System.nanoTime();
        ImageFolder folder = ImageFolder.scan(dataDir);
        if (options.cacheDir().isEmpty()) {
            return decodeAll(folder, pipeline, options, Optional.empty(), Duration.ZERO, start);
        }
        TensorCache cache = new TensorCache(options.cacheDir().get());
        long hashStart = System.nanoTime();
        String key = TensorCache.key(folder, pipeline, options.skipBadImages(), options.threads());
        Duration hashing = since(hashStart);
        Optional<Path> cacheFile = Optional.of(cache.fileFor(key));

        Optional<TensorCache.Entry> hit = cache.read(key, pipeline, folder.labelMap());
        if (hit.isPresent()) {
            LoadReport report = new LoadReport(true, hit.get().tensors().count(), 0,
                    hit.get().skippedFiles(), cacheFile, hashing, Duration.ZERO, since(start));
            logLoaded(dataDir, report);
            return new LoadResult(hit.get().tensors(), report);
        }
        LoadResult result = decodeAll(folder, pipeline, options, cacheFile, hashing, start);
        cache.write(key, new TensorCache.Entry(result.tensors(), result.report().skippedFiles()));
        return result;
    }

    private static LoadResult decodeAll(ImageFolder folder, PipelineSpec pipeline,
            LoadOptions options, Optional<Path> cacheFile, Duration hashing, long start) {
        long decodeStart = System.nanoTime();
        Decoded decoded = decode(folder, pipeline, options);
        Duration decoding = since(decodeStart);
        LoadReport report = new LoadReport(false, decoded.tensors.count(), decoded.attempts,
                decoded.skipped, cacheFile, hashing, decoding, since(start));
        logLoaded(folder.root(), report);
        return new LoadResult(decoded.tensors, report);
    }

    private record Decoded(ImageTensors tensors, List<String> skipped, int attempts) {
    }

    private static Decoded decode(ImageFolder folder, PipelineSpec spec, LoadOptions options) {
        ImagePipeline pipeline = ImagePipeline.of(spec);
        List<String> files = folder.files();
        int imageSize = pipeline.height() * pipeline.width();
        float[] pixels = new float[files.size() * imageSize];
        boolean[] bad = new boolean[files.size()];
        AtomicInteger attempts = new AtomicInteger();
        ParallelWork.forEachIndex(files.size(), options.threads(), "sweeper-decode", i -> {
            attempts.incrementAndGet();
            try {
                pipeline.preprocess(ImageDecoder.decode(folder.resolve(files.get(i))),
                        pixels, i * imageSize);
            } catch (UnreadableImageException e) {
                if (!options.skipBadImages()) {
                    throw e;
                }
                log.warn("skipping it: {}", e.problem());
                bad[i] = true;
            }
        });
        return keepGood(folder, spec, pipeline, pixels, bad, attempts.get());
    }

    /** The tensors without the bad files; a class left with no image is an error. */
    private static Decoded keepGood(ImageFolder folder, PipelineSpec spec, ImagePipeline pipeline,
            float[] pixels, boolean[] bad, int attempts) {
        int imageSize = pipeline.height() * pipeline.width();
        int[] allLabels = folder.labels();
        List<String> kept = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        int[] keptLabels = new int[allLabels.length];
        int[] imagesPerClass = new int[folder.labelMap().size()];
        for (int i = 0; i < bad.length; i++) {
            if (bad[i]) {
                skipped.add(folder.files().get(i));
                continue;
            }
            if (kept.size() != i) {
                System.arraycopy(pixels, i * imageSize, pixels, kept.size() * imageSize, imageSize);
            }
            keptLabels[kept.size()] = allLabels[i];
            imagesPerClass[allLabels[i]]++;
            kept.add(folder.files().get(i));
        }
        for (int c = 0; c < imagesPerClass.length; c++) {
            if (imagesPerClass[c] == 0) {
                throw new SweeperException("class folder "
                        + folder.resolve(folder.labelMap().folder(c))
                        + " has no image that decodes; fix or remove its images");
            }
        }
        float[] keptPixels = skipped.isEmpty() ? pixels
                : Arrays.copyOf(pixels, kept.size() * imageSize);
        ImageTensors tensors = new ImageTensors(spec, folder.labelMap(), kept,
                Arrays.copyOf(keptLabels, kept.size()),
                pipeline.height(), pipeline.width(), keptPixels);
        return new Decoded(tensors, skipped, attempts);
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static void logLoaded(Path dataDir, LoadReport report) {
        log.info("loaded {} images of {} {} in {} ms (hashing {} ms, decoding {} ms{})",
                report.imageCount(), dataDir, report.fromCache() ? "from the cache" : "by decoding",
                report.total().toMillis(), report.hashing().toMillis(),
                report.decoding().toMillis(),
                report.skippedCount() == 0 ? "" : ", " + report.skippedCount() + " skipped");
    }
}
