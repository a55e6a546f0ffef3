package io.sweeper.exec;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sweeper.AtomicFile;
import io.sweeper.SweeperException;
import io.sweeper.store.CheckpointRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a trial writes: {@code RUNS/<store>/sweep-N/trial-M}, {@code <store>} being the first 8 hex
 * digits of the store's id, so stores that share a runs folder (the default {@code ~/.sweeper/runs}
 * above all) write to different folders even when both have a sweep 1.
 *
 * <p>Each folder holds {@value #OWNER}, written when the trial first uses it: the store, sweep and
 * trial it belongs to. A folder whose owner is another trial is refused, never written into;
 * that is what stands between two trials and one folder when the short ids of two stores
 * coincide, or a folder was copied or moved.
 *
 * <p>Sweeps of sweepers before store ids wrote to {@code RUNS/sweep-N/trial-M}. A trial of such a
 * sweep that recorded a checkpoint there keeps its folder, so its resume state and checkpoint are
 * found, but only when that checkpoint still is the one recorded (same SHA-256): another store's
 * sweep N may have written over it, and then the folder is not this trial's any more.
 */
public final class TrialFolder {
    static final String OWNER = "owner.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What {@value #OWNER} says. */
    record Owner(String store, long sweep, int trial) {
    }

    private TrialFolder() {
    }

    /**
     * The trial's folder, created and marked as the trial's; a folder marked as another's is
     * refused with a {@link SweeperException} that names it and its owner.
     *
     * @param recorded the checkpoints earlier attempts of the trial recorded
     */
    static Path claim(Path runsDir, UUID store, long sweepId, int trialNumber, List<CheckpointRow> recorded) {
        Path dir = legacyFolderInUse(runsDir, sweepId, trialNumber, recorded)
                .orElse(sweepFolder(runsDir, store, sweepId).resolve("trial-" + trialNumber));
        Owner self = new Owner(store.toString(), sweepId, trialNumber);
        Path marker = dir.resolve(OWNER);
        try {
            Files.createDirectories(dir);
            if (!Files.exists(marker)) {
                AtomicFile.replace(marker, tmp -> JSON.writeValue(tmp.toFile(), self));
                return dir;
            }
            Owner owner = JSON.readValue(marker.toFile(), Owner.class);
            if (!owner.equals(self)) {
                throw new SweeperException("trial folder " + dir + " belongs to trial " + owner.trial() + " of sweep "
                        + owner.sweep() + " in store " + owner.store() + " (its " + OWNER + "), not to trial " + trialNumber
                        + " of sweep " + sweepId + " in this store (" + store + "); sweeper never writes into another"
                        + " trial's folder: move that folder away, then `sweeper resume " + sweepId + "`");
            }
            return dir;
        } catch (IOException e) {
            throw new SweeperException("cannot use trial folder " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The folder of a sweep's trials and of what belongs to the whole sweep (its final dashboard). */
    public static Path sweepFolder(Path runsDir, UUID store, long sweepId) {
        return runsDir.resolve(store.toString().substring(0, 8)).resolve("sweep-" + sweepId);
    }

    private static Path sweepAndTrial(long sweepId, int trialNumber) {
        return Path.of("sweep-" + sweepId, "trial-" + trialNumber);
    }

    /** The pre-store-id folder, when the trial's last recorded checkpoint is there, unchanged. */
    private static Optional<Path> legacyFolderInUse(Path runsDir, long sweepId, int trialNumber,
            List<CheckpointRow> recorded) {
        Path legacy = runsDir.resolve(sweepAndTrial(sweepId, trialNumber)).toAbsolutePath().normalize();
        return recorded.stream().max(Comparator.comparingInt(CheckpointRow::epoch))
                .filter(last -> last.path().toAbsolutePath().normalize().startsWith(legacy))
                .filter(last -> Files.exists(last.path()))
                .filter(last -> Objects.equals(CheckpointDigest.of(last.path()).sha256(), last.sha256()))
                .map(last -> legacy);
    }
}
