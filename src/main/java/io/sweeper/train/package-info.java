/**
 * The Deeplearning4j workload: one trial = a configuration in, a stream of epoch metrics and a
 * best checkpoint out. Knows nothing of sweeps, databases or MLflow; reports to an
 * {@link io.sweeper.train.EpochListener}.
 */
package io.sweeper.train;
