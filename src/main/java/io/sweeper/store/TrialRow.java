package io.sweeper.store;

import io.sweeper.sweep.TrialState;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * A trial as stored. {@code bestValue}/{@code bestEpoch} are the best of the sweep's metric over
 * the epochs recorded so far (by the sweep's goal), {@code lastEpoch} the latest epoch recorded;
 * {@code attempt} counts the times the trial was started.
 */
public record TrialRow(
        long id,
        long sweepId,
        int number,
        String paramsJson,
        TrialState state,
        Optional<String> worker,
        Optional<Instant> leaseUntil,
        int attempt,
        Instant createdAt,
        Optional<Instant> startedAt,
        Optional<Instant> endedAt,
        OptionalInt lastEpoch,
        OptionalDouble bestValue,
        OptionalInt bestEpoch,
        Optional<String> error) {
    public TrialRow {
        Objects.requireNonNull(paramsJson, "paramsJson");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(worker, "worker");
        Objects.requireNonNull(leaseUntil, "leaseUntil");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(lastEpoch, "lastEpoch");
        Objects.requireNonNull(bestValue, "bestValue");
        Objects.requireNonNull(bestEpoch, "bestEpoch");
        Objects.requireNonNull(error, "error");
    }
}
