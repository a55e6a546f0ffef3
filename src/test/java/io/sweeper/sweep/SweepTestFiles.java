package io.sweeper.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The sweep files under src/test/resources/sweeps. */
final class SweepTestFiles {
    private SweepTestFiles() {
    }

    static Path path(String name) {
        try {
            return Path.of(SweepTestFiles.class.getClassLoader().getResource("sweeps/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(String name) {
        try {
            return Files.readString(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
