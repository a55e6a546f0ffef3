/**
 * Suggests the next trial's configuration from a sweep's spec and its trials so far. Each
 * {@link io.sweeper.search.SearchMethod} is a pure function of (spec, history, seed) — no I/O, no
 * clock, no shared state — in the manner of Optuna's samplers, so every algorithm is tested
 * exhaustively on its own. History arrives as immutable {@link io.sweeper.search.TrialRecord}s.
 */
package io.sweeper.search;
