package io.sweeper.store;

/**
 * What {@link Store#stopWorking} did when a process stopped: how many of its trials went back to
 * the queue for the processes still running the sweep, or whether it was the last one and
 * cancelled the sweep.
 */
public record ProcessStop(int handedBack, boolean sweepCancelled) {
}
