package io.sweeper.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A real size-limited file system for tests of full disks: a tmpfs of a few megabytes mounted on a
 * test's folder, whose writes fail with the kernel's own ENOSPC ("No space left on device") once
 * it is full. Mounting needs root (CI runs as root); elsewhere the test is skipped, saying why.
 * {@link #resize} frees space (or takes it) as a user would by deleting files elsewhere.
 */
public final class SmallDisk implements AutoCloseable {
    private final Path mountPoint;

    private SmallDisk(Path mountPoint) {
        this.mountPoint = mountPoint;
    }

    /** Mounts a tmpfs of {@code size} (as mount takes it: {@code 2m}, {@code 512k}) on {@code dir}, created if needed. */
    public static SmallDisk mount(Path dir, String size) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        String out = run(List.of("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString()));
        assumeTrue(out == null, () -> "a full disk is simulated by mounting a small tmpfs, which needs root: " + out);
        return new SmallDisk(dir);
    }

    public Path path() {
        return mountPoint;
    }

    /** Makes room (or takes it away): the same tmpfs, its files kept, now of {@code size}. */
    public void resize(String size) throws IOException, InterruptedException {
        String out = run(List.of("mount", "-o", "remount,size=" + size, mountPoint.toString()));
        if (out != null) {
            throw new IOException("cannot resize " + mountPoint + ": " + out);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        String out = run(List.of("umount", "--lazy", mountPoint.toString()));
        if (out != null) {
            throw new IOException("cannot unmount " + mountPoint + ": " + out);
        }
    }

    /** Runs a command; null when it succeeded, else its output (or why it could not start). */
    private static String run(List<String> command) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor() == 0 ? null : out;
        } catch (IOException e) {
            return e.getMessage();
        }
    }
}
