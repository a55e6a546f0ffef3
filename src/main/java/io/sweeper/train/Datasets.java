package io.sweeper.train;

import io.sweeper.train.data.DatasetLoader;
import io.sweeper.train.data.LoadOptions;
import io.sweeper.train.data.LoadResult;
import io.sweeper.train.data.PipelineSpec;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Preprocessed data sets held in memory for the life of the process, so trials on a worker pool
 * share one copy and never reload images (the disk cache below makes the first load fast too).
 */
public final class Datasets {
    private record Key(Path folder, PipelineSpec pipeline) {
    }

    private final LoadOptions options;
    private final Map<Key, CompletableFuture<LoadResult>> loaded = new ConcurrentHashMap<>();

    public Datasets(LoadOptions options) {
        this.options = options;
    }

    /** Loads once per (folder, pipeline); concurrent callers of the same key wait for one load. */
    public LoadResult load(Path folder, PipelineSpec pipeline) {
        Key key = new Key(folder.toAbsolutePath().normalize(), pipeline);
        CompletableFuture<LoadResult> mine = new CompletableFuture<>();
        CompletableFuture<LoadResult> existing = loaded.putIfAbsent(key, mine);
        if (existing != null) {
            try {
                return existing.join();
            } catch (CompletionException e) {
                throw (RuntimeException) e.getCause();
            }
        }
        try {
            LoadResult result = DatasetLoader.load(folder, pipeline, options);
            mine.complete(result);
            return result;
        } catch (RuntimeException e) {
            loaded.remove(key); // a failed load (bad folder) may be fixed and retried
            mine.completeExceptionally(e);
            throw e;
        }
    }
}
