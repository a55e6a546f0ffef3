/**
 * Runs trials: the worker pool of {@code sweeper run} ({@link SweepRunner}), leases kept alive by
 * heartbeats, Ctrl-C and resume, the thread budget (workers × intra-op threads ≤ cores), and the
 * two {@link TrialRunner}s — the built-in DL4J trainer and any external command. Talks to the
 * store and to search; reaches {@code train} only through {@link BuiltInTrainerRunner}.
 */
package io.sweeper.exec;
