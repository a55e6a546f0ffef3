package io.sweeper.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where trials write under a test's --runs folder: {@code RUNS/<store id, 8 hex digits>/sweep-N/trial-M}. */
public final class RunsFolders {
    private RunsFolders() {
    }

    /**
     * The folder of trial {@code trial} of sweep {@code sweep}, for the one store writing under
     * {@code runs}; before that store wrote anything, a path that does not exist (yet).
     */
    public static Path trial(Path runs, long sweep, int trial) {
        List<Path> stores;
        try (Stream<Path> children = Files.exists(runs) ? Files.list(runs) : Stream.empty()) {
            stores = children.filter(p -> p.getFileName().toString().matches("[0-9a-f]{8}")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (stores.size() > 1) {
            throw new IllegalStateException("more than one store writes under " + runs + ": " + stores);
        }
        Path store = stores.isEmpty() ? runs.resolve("no-store-yet") : stores.get(0);
        return store.resolve("sweep-" + sweep).resolve("trial-" + trial);
    }
}
