package io.sweeper.store;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/** One line of a sweep's history; {@code trialId} is empty for events of the sweep itself. */
public record EventRow(long id, long sweepId, OptionalLong trialId, Instant at, EventKind kind, String message) {
    public EventRow {
        Objects.requireNonNull(trialId, "trialId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }
}
