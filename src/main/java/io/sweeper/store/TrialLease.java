package io.sweeper.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A worker's right to run and write one trial until {@code until}, renewed by
 * {@link Store#heartbeat}. {@code attempt} is the fencing token: when a lease expires and the trial
 * is claimed again, the attempt grows, so the old worker's writes are refused even if it comes
 * back (or has the same name).
 */
public record TrialLease(long trialId, String worker, int attempt, Instant until) {
    public TrialLease {
        Objects.requireNonNull(worker, "worker");
        Objects.requireNonNull(until, "until");
    }

    @Override
    public String toString() {
        return "trial " + trialId + " by " + worker + " (attempt " + attempt + ", until " + until + ")";
    }
}
