package io.sweeper.store;

import java.util.Arrays;

/**
 * What an MLflow outbox row asks the tracking server for. The store appends them in the
 * transactions that change what they mirror; package tracking reads their payloads (JSON written
 * by the store, with fixed timestamps, so delivering a row twice writes the same thing twice).
 */
public enum OutboxKind {
    /** The sweep's experiment and parent run: name, method, metric, fixed parameters, sweep file. */
    SWEEP_CREATED,
    /** The sweep ended or runs again: the parent run's status. */
    SWEEP_STATE,
    /** A trial was claimed: its child run (created once, reopened on a later attempt). */
    TRIAL_STARTED,
    /** Epoch metrics of a trial, step = epoch. */
    EPOCH,
    /** The trial's best value became the sweep's best so far: a metric and a tag on the parent run. */
    SWEEP_BEST,
    /** The trial's checkpoint folder, to upload as its artifact. */
    CHECKPOINT,
    /** The trial ended: its final state, status and end time. */
    TRIAL_ENDED,
    /** Files handed over for upload (plots, reports) to the sweep's or a trial's run. */
    FILES;

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static OutboxKind fromWord(String word) {
        return Arrays.stream(values()).filter(k -> k.word().equals(word)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown outbox kind '" + word + "'"));
    }
}
