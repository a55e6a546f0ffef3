/**
 * The sweep file: reads the Weights &amp; Biases sweep format (YAML) into immutable records —
 * {@link io.sweeper.sweep.SweepSpec}, {@link io.sweeper.sweep.ParameterSpec},
 * {@link io.sweeper.sweep.Distribution}, {@link io.sweeper.sweep.MetricGoal},
 * {@link io.sweeper.sweep.EarlyTerminate} — and refuses a bad file with one message naming its
 * file, line and key path. The only package that parses YAML.
 *
 * <p>Entry point: {@link io.sweeper.sweep.SweepFiles}. What a distribution means (its quantile
 * function, its grid values) lives on the records, so search methods and the describer agree.
 */
package io.sweeper.sweep;
