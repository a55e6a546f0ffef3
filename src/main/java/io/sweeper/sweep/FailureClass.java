package io.sweeper.sweep;

import java.util.Locale;

/** Why an attempt of a trial failed, as {@code retry.on} names it; recorded with each attempt. */
public enum FailureClass {
    /** The trial's program or function ended in an error (a non-zero exit, an exception). */
    CRASH,
    /** It ran longer than {@code trial_timeout}. */
    TIMEOUT,
    /** Its worker stopped renewing its lease (killed, cut off). */
    LEASE_EXPIRED;

    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
