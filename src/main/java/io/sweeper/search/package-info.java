/**
 * Suggests the next trial's configuration from a sweep's spec and its trials so far. Each
 * {@link io.sweeper.search.SearchMethod} is a pure function of (spec, history, seed) — no I/O, no
 * clock, no shared state — in the manner of Optuna's samplers, so every algorithm is tested
 * exhaustively on its own. History arrives as immutable {@link io.sweeper.search.TrialRecord}s.
 *
 * <p>It also decides early termination: a {@link io.sweeper.search.Pruner} (W&amp;B's Hyperband rule,
 * ASHA, median stopping) is a pure function of the sweep's {@code early_terminate}, its metric and
 * the trials' recorded {@link io.sweeper.search.MetricCurve}s, asked after each recorded epoch.
 */
package io.sweeper.search;
