package io.sweeper.sweep;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated sweep file. Built by {@link SweepFiles}; every W&amp;B key sweeper acts on has a
 * component here, plus sweeper's additive keys {@code seed}, {@code workers}, {@code max_attempts}
 * and {@code bayes}.
 *
 * @param source         where the file came from (a path, or the name given to {@link SweepFiles#parse})
 * @param yamlText       the file exactly as read, kept so the store can record what was run
 * @param parameters     the top-level parameters in file order
 * @param command        the {@code command:} list (W&amp;B's default when absent) with {@code program}
 * @param runCap         at most this many trials ({@code run_cap}); none means no limit
 * @param seed           the random-sampling seed ({@code seed}); when absent the caller picks one
 *                       and records it, so the sweep can be replayed
 * @param workers        how many trials to run at once ({@code workers}); the caller's default when absent
 * @param maxAttempts    starts per trial before one whose lease expired is failed ({@code max_attempts});
 *                       the caller's default when absent. Every process of the sweep reads the same file,
 *                       so the policy is the same in all
 * @param bayes          the {@code bayes:} settings; {@link BayesSettings#DEFAULT} when absent, and
 *                       always the default unless the method is bayes
 * @param trialTimeout   {@code trial_timeout}: wall time a trial may run before it ends failed (timeout)
 * @param sweepTimeout   {@code sweep_timeout}: wall time after the sweep's creation when no new trial is planned
 * @param retry          {@code retry:}; exclusive with {@code maxAttempts}, see {@link #retryPolicy}
 */
public record SweepSpec(
        String source,
        String yamlText,
        Optional<String> name,
        Optional<String> description,
        SweepMethod method,
        Optional<MetricGoal> metric,
        List<ParameterSpec> parameters,
        CommandLine command,
        Optional<Integer> runCap,
        Optional<EarlyTerminate> earlyTerminate,
        Optional<Long> seed,
        Optional<Integer> workers,
        Optional<Integer> maxAttempts,
        BayesSettings bayes,
        Optional<Duration> trialTimeout,
        Optional<Duration> sweepTimeout,
        Optional<RetryPolicy> retry) {

    public SweepSpec {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(yamlText, "yamlText");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(metric, "metric");
        parameters = List.copyOf(parameters);
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(runCap, "runCap");
        Objects.requireNonNull(earlyTerminate, "earlyTerminate");
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(workers, "workers");
        Objects.requireNonNull(maxAttempts, "maxAttempts");
        Objects.requireNonNull(bayes, "bayes");
        Objects.requireNonNull(trialTimeout, "trialTimeout");
        Objects.requireNonNull(sweepTimeout, "sweepTimeout");
        Objects.requireNonNull(retry, "retry");
        if (retry.isPresent() && maxAttempts.isPresent()) {
            throw new InvalidSpecException("retry", "and max_attempts are both given; give max_attempts inside retry:"
                    + " (max_attempts: N alone means retry: {on: [lease_expired], max_attempts: N})");
        }
        if (parameters.isEmpty()) {
            throw new InvalidSpecException("parameters", "must define at least one parameter");
        }
        runCap.filter(cap -> cap < 1).ifPresent(cap -> {
            throw new InvalidSpecException("run_cap", "must be at least 1, got " + cap);
        });
        workers.filter(w -> w < 1).ifPresent(w -> {
            throw new InvalidSpecException("workers", "must be at least 1, got " + w);
        });
        maxAttempts.filter(n -> n < 1).ifPresent(n -> {
            throw new InvalidSpecException("max_attempts", "must be at least 1, got " + n);
        });
        if (method == SweepMethod.BAYES && metric.isEmpty()) {
            throw new InvalidSpecException("metric", "is missing; bayes search models the metric, so name it,"
                    + " e.g. metric: {name: val_loss, goal: minimize}");
        }
        if (earlyTerminate.isPresent() && metric.isEmpty()) {
            throw new InvalidSpecException("early_terminate", "early termination compares trials by the metric;"
                    + " add metric: {name: ..., goal: ...}");
        }
    }

    /**
     * The sweep's retry policy: {@code retry:} as given, else {@code max_attempts} (or
     * {@code defaultMaxAttempts}) for expired leases only; {@code maxAttemptsOverride}
     * ({@code --max-attempts}) replaces the count either way.
     */
    public RetryPolicy retryPolicy(Optional<Integer> maxAttemptsOverride, int defaultMaxAttempts) {
        RetryPolicy policy = retry.orElseGet(() -> RetryPolicy.leaseExpiryOnly(maxAttempts.orElse(defaultMaxAttempts)));
        return maxAttemptsOverride.map(policy::withMaxAttempts).orElse(policy);
    }

    /** Every leaf parameter, depth first in file order. */
    public List<ParameterSpec.Leaf> leaves() {
        return ParameterSpec.leaves(parameters);
    }
}
