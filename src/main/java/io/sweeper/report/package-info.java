/**
 * What sweeper tells a user about sweeps already in the store: the sweep list ({@code ls}), one
 * sweep's leaderboard ({@code show}), the best trial's configuration as a file
 * {@code sweeper train --config} reads ({@code best}), and the answers of read-only SQL
 * ({@code query}). Each class turns store rows into lines or a document and prints nothing, so
 * the commands in {@code cli} only parse flags, call one of these and print what it returns.
 * Rankings come from the store's kept best values, never from reading every trial's metrics, so
 * a sweep of 10,000 trials reads as fast as one of ten.
 */
package io.sweeper.report;
