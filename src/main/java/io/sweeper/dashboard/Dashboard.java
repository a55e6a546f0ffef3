package io.sweeper.dashboard;

import io.sweeper.SweeperException;
import io.sweeper.store.Store;
import io.sweeper.store.SweepRow;
import io.sweeper.train.data.LoadOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Writes the dashboard file of one or more sweeps: read, render, replace the file atomically. */
public final class Dashboard {
    private Dashboard() {
    }

    /** {@code ~/.sweeper/dashboards/<name>-<id>.html}, the name kept to characters every file system takes. */
    public static Path defaultFile(SweepRow sweep) {
        String name = sweep.name().replaceAll("[^A-Za-z0-9._-]+", "_");
        name = name.substring(0, Math.min(name.length(), 80));
        return Path.of(System.getProperty("user.home"), ".sweeper", "dashboards", name + "-" + sweep.id() + ".html");
    }

    /**
     * The page's HTML for {@code sweeps} as the store has them at {@code now}. With {@code images}
     * (how to load data sets), the built-in trainer's best trial gets its sample predictions, which
     * load the checkpoint and the data; without, the page says when they come.
     */
    public static String html(Store store, List<SweepRow> sweeps, Instant now, Optional<LoadOptions> images) {
        if (sweeps.isEmpty()) {
            throw new IllegalArgumentException("a dashboard needs at least one sweep");
        }
        return DashboardPage.html(DashboardData.read(store, sweeps, now, images.map(SamplePredictions::new)));
    }

    /** Renders and writes the page to {@code file}; returns its size in bytes. */
    public static long write(Store store, List<SweepRow> sweeps, Path file, Optional<LoadOptions> images) {
        return writeAtomically(file, html(store, sweeps, Instant.now(), images));
    }

    /**
     * Replaces {@code file} with {@code text} in one step: written to a temporary file in the same
     * folder, then moved over it, so a browser reloading a live page never reads half a file.
     * A folder that cannot be created or written is the user's to fix: a SweeperException.
     */
    public static long writeAtomically(Path file, String text) {
        Path target = file.toAbsolutePath();
        Path temp = null;
        try {
            Files.createDirectories(target.getParent());
            temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return Files.size(target);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new SweeperException("cannot write the dashboard to " + file + " (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + "): choose another file with -o FILE");
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the temporary file is left behind; the message above says what went wrong
            }
        }
    }
}
