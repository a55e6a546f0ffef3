package io.sweeper.store;

import java.util.Objects;

/** What {@link Store#claimNextTrial} hands a worker: the configuration to run and its lease. */
public record ClaimedTrial(TrialLease lease, long sweepId, int number, String paramsJson) {
    public ClaimedTrial {
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(paramsJson, "paramsJson");
    }

    public long trialId() {
        return lease.trialId();
    }
}
