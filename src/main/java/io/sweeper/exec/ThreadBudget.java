package io.sweeper.exec;

import io.sweeper.SweeperException;

/**
 * How a pool splits the cores: {@code workers} trials at once, each with {@code threadsPerTrial}
 * intra-op threads, never more threads than cores. {@code auto} runs one single-threaded trial per
 * core: on this workload two 1-thread trials beat one 2-thread trial (bench/RESULTS.md).
 */
public record ThreadBudget(int workers, int threadsPerTrial) {

    public static ThreadBudget of(String requested, int cores) {
        if (requested.equals("auto")) {
            return new ThreadBudget(cores, 1);
        }
        int workers;
        try {
            workers = Integer.parseInt(requested);
        } catch (NumberFormatException e) {
            throw new SweeperException("--workers " + requested + ": expected a number or auto");
        }
        if (workers < 1 || workers > cores) {
            throw new SweeperException("--workers " + requested + ": must be between 1 and " + cores
                    + " on this machine (" + cores + " cores); more would oversubscribe the CPU");
        }
        return new ThreadBudget(workers, cores / workers);
    }
}
