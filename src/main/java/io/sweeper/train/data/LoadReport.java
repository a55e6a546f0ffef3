package io.sweeper.train.data;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What one {@link DatasetLoader#load} did.
 *
 * @param fromCache the tensors came from the cache file: no image was decoded
 * @param imageCount images in the loaded data set
 * @param decodedCount image files handed to the decoder in this load (0 from the cache)
 * @param skippedFiles files left out because they did not decode (with skipBadImages), relative
 *     to the data folder; also reported when the load came from the cache
 * @param cacheFile the cache entry read or written; empty without a cache
 * @param hashing time spent hashing the data to find the cache entry
 * @param decoding time spent decoding and preprocessing images
 * @param total the whole load, from scanning the folder to the tensors in memory (writing a new
 *     cache entry afterwards is not counted)
 */
public record LoadReport(boolean fromCache, int imageCount, int decodedCount,
        List<String> skippedFiles, Optional<Path> cacheFile, Duration hashing, Duration decoding,
        Duration total) {

    public LoadReport {
        skippedFiles = List.copyOf(skippedFiles);
    }

    public int skippedCount() {
        return skippedFiles.size();
    }
}
