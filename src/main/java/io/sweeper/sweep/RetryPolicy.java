package io.sweeper.sweep;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * {@code retry: {on: [crash, timeout, lease_expired], max_attempts: N}}: a trial whose attempt
 * fails for a class in {@code on} is queued again (attempt + 1) until it has been started
 * {@code maxAttempts} times; then, or for a class not in {@code on}, it fails. The top-level
 * {@code max_attempts: N} (and {@code --max-attempts}) is the same policy for expired leases only,
 * which is also the default (3 attempts).
 */
public record RetryPolicy(Set<FailureClass> on, int maxAttempts) {
    public RetryPolicy {
        on = on.isEmpty() ? EnumSet.noneOf(FailureClass.class) : EnumSet.copyOf(on);
        Objects.requireNonNull(on, "on");
        if (maxAttempts < 1) {
            throw new InvalidSpecException("max_attempts", "must be at least 1, got " + maxAttempts);
        }
    }

    /** What sweeper did before {@code retry:} existed: expired leases are retried, crashes and timeouts are not. */
    public static RetryPolicy leaseExpiryOnly(int maxAttempts) {
        return new RetryPolicy(EnumSet.of(FailureClass.LEASE_EXPIRED), maxAttempts);
    }

    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(on, attempts);
    }

    /** How many starts a trial gets when its attempts fail for {@code failure}: 1 when it is not retried. */
    public int attemptsFor(FailureClass failure) {
        return on.contains(failure) ? maxAttempts : 1;
    }

    /** Whether a trial whose attempt number {@code attempt} failed for {@code failure} runs again. */
    public boolean retries(FailureClass failure, int attempt) {
        return attempt < attemptsFor(failure);
    }
}
