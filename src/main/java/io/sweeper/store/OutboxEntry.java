package io.sweeper.store;

import java.util.Objects;
import java.util.Optional;

/** One undelivered MLflow write, as {@link TrackingOutbox#pending} returns it, oldest first. */
public record OutboxEntry(long id, long sweepId, Optional<Long> trialId, OutboxKind kind, String payloadJson, int attempts) {
    public OutboxEntry {
        Objects.requireNonNull(trialId, "trialId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(payloadJson, "payloadJson");
    }
}
