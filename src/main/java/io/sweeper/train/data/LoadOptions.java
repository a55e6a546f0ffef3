package io.sweeper.train.data;

import io.sweeper.SweeperException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@link DatasetLoader} loads.
 *
 * @param threads threads that hash and decode images (decoding is the slow part of a cold load)
 * @param skipBadImages leave out image files that do not decode, reporting them, instead of
 *     failing on the first one
 * @param cacheDir where preprocessed tensors are cached; empty for no cache
 */
public record LoadOptions(int threads, boolean skipBadImages, Optional<Path> cacheDir) {

    public LoadOptions {
        Objects.requireNonNull(cacheDir, "cacheDir: use Optional.empty() for no cache");
        if (threads < 1) {
            throw new SweeperException("data loading threads = " + threads
                    + " is out of range; use 1 or more");
        }
    }

    /** All cores, failing on bad images, caching in {@code cacheDir}. */
    public static LoadOptions cachedIn(Path cacheDir) {
        return new LoadOptions(Runtime.getRuntime().availableProcessors(), false,
                Optional.of(cacheDir));
    }

    /** All cores, failing on bad images, no cache. */
    public static LoadOptions uncached() {
        return new LoadOptions(Runtime.getRuntime().availableProcessors(), false,
                Optional.empty());
    }

    public LoadOptions withThreads(int count) {
        return new LoadOptions(count, skipBadImages, cacheDir);
    }

    public LoadOptions withSkipBadImages(boolean skip) {
        return new LoadOptions(threads, skip, cacheDir);
    }
}
