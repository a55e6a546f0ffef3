package io.sweeper.cli;

import io.sweeper.SweeperException;
import io.sweeper.exec.CheckpointDigest;
import io.sweeper.report.TerminalText;
import io.sweeper.store.CheckpointRow;
import io.sweeper.store.JdbcUrls;
import io.sweeper.store.Store;
import io.sweeper.train.Checkpoint;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How {@code predict} and {@code eval} load a checkpoint. One that a sweep's trial wrote is
 * recorded in the store with the sha256 of its files: they must still have it, so a checkpoint
 * overwritten or damaged since is refused before it is used. One the store does not know (what
 * {@code train --out} writes) is loaded without that check, and without a note, as that is the
 * normal case; a store that cannot be opened (a sweep holding the H2 file, a server down) is
 * noted and the check skipped. The store is opened read-only, so a damaged or full one is never
 * written. Either way {@link Checkpoint#read} checks {@code model.json} and that the weights are
 * finite.
 */
final class VerifiedCheckpoint {
    private VerifiedCheckpoint() {
    }

    static Checkpoint.Loaded read(Path path, StoreOptions store) {
        Path dir = Checkpoint.folderOf(path);
        recorded(dir, store).ifPresent(row -> verify(dir, row));
        return Checkpoint.read(path);
    }

    private static Optional<CheckpointRow> recorded(Path dir, StoreOptions options) {
        String url = options.url();
        if (JdbcUrls.h2File(url).filter(Files::notExists).isPresent()) {
            return Optional.empty(); // no store there, so nothing recorded (and none is created here)
        }
        try (Store store = Store.openReadOnly(url)) {
            return store.checkpointAt(dir);
        } catch (SweeperException e) {
            System.err.println(TerminalText.escape("note: the checkpoint's sha256 was not checked: " + e.getMessage()));
            return Optional.empty();
        }
    }

    private static void verify(Path dir, CheckpointRow row) {
        String sha256;
        try {
            sha256 = CheckpointDigest.of(dir).sha256();
        } catch (UncheckedIOException e) {
            throw new SweeperException(dir + ": cannot be read (" + e.getCause().getMessage() + ")", e);
        }
        if (!sha256.equals(row.sha256())) {
            throw new SweeperException(dir + ": its files are not the ones recorded for epoch " + row.epoch()
                    + " of trial id " + row.trialId() + " (sha256 " + abbreviated(sha256) + ", recorded "
                    + abbreviated(row.sha256()) + "); the checkpoint was overwritten or damaged after it was written");
        }
    }

    private static String abbreviated(String sha256) {
        return sha256.substring(0, Math.min(12, sha256.length()));
    }
}
