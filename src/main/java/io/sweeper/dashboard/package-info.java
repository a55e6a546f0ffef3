/**
 * {@code sweeper dashboard}: one self-contained HTML page per sweep (or several sweeps compared)
 * that answers "what won, why, and what mattered". This package reads a sweep's history through
 * the store's read API, derives what the panels need (parameter importance, the best trial's
 * confusion matrix and sample predictions, downsampled learning curves) and writes one file: the
 * template, styles and script of the top-level {@code dashboards/} folder with Apache ECharts
 * inlined and the data embedded as one JSON block, so the page needs no server and no network
 * (its Content-Security-Policy forbids both). The browser draws every chart from that JSON.
 * {@link io.sweeper.dashboard.LiveDashboard} rewrites the file atomically while a sweep runs.
 */
package io.sweeper.dashboard;
