package io.sweeper.cli;

import io.sweeper.train.data.LoadOptions;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options about reading images, shared by the commands that load data. */
final class DataOptions {
    @Option(names = "--cache", paramLabel = "DIR", description = "Cache of preprocessed images (default: ${DEFAULT-VALUE}).")
    Path cache = Path.of(System.getProperty("user.home"), ".sweeper", "cache");

    @Option(names = "--skip-bad-images", description = "Skip corrupt or non-image files with a warning instead of failing.")
    boolean skipBadImages;

    LoadOptions loadOptions() {
        return LoadOptions.cachedIn(cache).withSkipBadImages(skipBadImages);
    }
}
