/**
 * Mirrors the store into an MLflow tracking server: one experiment per sweep name, a parent run
 * per sweep, a nested child run per trial with its params, per-epoch metric histories, tags,
 * status and artifacts. The store appends every write to its outbox in the transaction that
 * changes what it mirrors; {@link io.sweeper.tracking.OutboxSender} delivers them in the
 * background, in order and idempotently, so training never waits on the network and an MLflow
 * outage delays the mirror without losing anything ({@code sweeper sync} delivers the rest).
 *
 * <p>It also draws what it uploads besides numbers: the learning-curve and confusion-matrix PNGs
 * of a trial (JFreeChart, headless). The plots live here rather than in {@code report} because
 * tracking uploads them and may not depend on {@code report}.
 */
package io.sweeper.tracking;
