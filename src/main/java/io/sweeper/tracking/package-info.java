/**
 * Mirrors the store into MLflow, and draws what it uploads besides numbers: the learning-curve and
 * confusion-matrix PNGs of a trial (JFreeChart, headless). The plots live here rather than in
 * {@code report} because tracking uploads them and may not depend on {@code report}.
 */
package io.sweeper.tracking;
