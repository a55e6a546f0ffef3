package io.sweeper.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/** A checkpoint file written for one epoch of a trial, with the digest to verify it by. */
public record CheckpointRow(long trialId, int epoch, Path path, String sha256, long bytes, Instant createdAt) {
    public CheckpointRow {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
