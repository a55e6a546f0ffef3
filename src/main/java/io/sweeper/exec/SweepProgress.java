package io.sweeper.exec;

import java.util.Map;

/** Hears what a {@link SweepRunner} does, for a live display. Called from worker threads. */
public interface SweepProgress {
    void trialStarted(int number, Map<String, Object> params);

    void epoch(int number, int epoch, Map<String, Double> metrics);

    /** {@code state} is the store's word: finished, failed, pruned, cancelled. */
    void trialEnded(int number, String state, String detail);

    SweepProgress NONE = new SweepProgress() {
        @Override
        public void trialStarted(int number, Map<String, Object> params) {
        }

        @Override
        public void epoch(int number, int epoch, Map<String, Double> metrics) {
        }

        @Override
        public void trialEnded(int number, String state, String detail) {
        }
    };
}
