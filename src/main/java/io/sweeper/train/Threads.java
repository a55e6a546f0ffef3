package io.sweeper.train;

import org.nd4j.linalg.factory.Nd4j;

/** The intra-op thread budget of ND4J (OpenMP), process-wide: a worker pool splits the cores with it. */
public final class Threads {
    private Threads() {
    }

    /** Sets ND4J's threads; 0 means all cores. */
    public static void use(int threads) {
        int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        Nd4j.getEnvironment().setMaxMasterThreads(n);
        Nd4j.getEnvironment().setMaxThreads(n);
    }
}
