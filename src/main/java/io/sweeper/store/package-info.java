/**
 * The system of record: sweeps, trials and their parameters, per-epoch metrics, checkpoints,
 * events and the MLflow outbox, in H2 (embedded file, the default) or PostgreSQL (several
 * machines sharing a sweep), behind one API, {@link io.sweeper.store.Store}.
 *
 * <p>The schema is the SQL in {@code db/migration} (applied by Flyway); the typed jOOQ classes in
 * {@code io.sweeper.store.jooq} are generated from it at build time, and every query here goes
 * through them. Every state change is one transaction that also appends its
 * {@link io.sweeper.store.EventRow event}; a worker writes to a trial only through the
 * {@link io.sweeper.store.TrialLease lease} it got when claiming it, so a trial whose lease expired
 * and was taken over is never written by two workers.
 */
package io.sweeper.store;
