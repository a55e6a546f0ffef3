package io.sweeper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Replaces a file atomically: what {@code write} puts in {@code FILE.tmp} becomes {@code FILE} by
 * one rename, so a reader (or a process killed mid-write) sees the old file or the new one, never
 * half of one. When writing fails, a full disk for one, the temporary file is deleted: nothing
 * of a failed write stays behind.
 */
public final class AtomicFile {
    /** Writes the temporary file it is given. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(Path tmp) throws IOException;
    }

    private AtomicFile() {
    }

    public static void replace(Path file, Writer write) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            write.writeTo(tmp);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }
}
