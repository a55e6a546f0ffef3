package io.sweeper.store;

import java.util.Objects;

/**
 * What {@link Store#claimNextTrial} hands a worker: the configuration to run and its lease.
 *
 * @param lastEpoch the last epoch earlier attempts recorded (0 on a first attempt), which a new
 *                  attempt may continue after
 */
public record ClaimedTrial(TrialLease lease, long sweepId, int number, String paramsJson, int lastEpoch) {
    public ClaimedTrial {
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(paramsJson, "paramsJson");
    }

    public long trialId() {
        return lease.trialId();
    }
}
