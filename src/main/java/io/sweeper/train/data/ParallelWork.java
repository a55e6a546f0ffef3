package io.sweeper.train.data;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs a task for every index on a few threads, indices handed out in ascending order. The first
 * failure stops the hand-out; running tasks finish, and the failure of the lowest index is
 * rethrown. Since every lower index was handed out earlier, that is the first bad index in order,
 * whatever the thread timing: error messages do not depend on scheduling.
 */
final class ParallelWork {
    private ParallelWork() {
    }

    static void forEachIndex(int count, int threads, String threadName, IntConsumer task) {
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        ConcurrentSkipListMap<Integer, Throwable> failures = new ConcurrentSkipListMap<>();
        Runnable worker = () -> {
            int i;
            while (!stop.get() && (i = next.getAndIncrement()) < count) {
                try {
                    task.accept(i);
                } catch (RuntimeException | Error e) {
                    failures.put(i, e);
                    stop.set(true);
                }
            }
        };
        int workers = Math.min(threads, count);
        if (workers <= 1) {
            worker.run();
        } else {
            runOnThreads(worker, workers, threadName, stop);
        }
        if (!failures.isEmpty()) {
            Throwable first = failures.firstEntry().getValue();
            if (first instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) first;
        }
    }

    private static void runOnThreads(Runnable worker, int count, String name, AtomicBoolean stop) {
        Thread[] threads = new Thread[count];
        for (int t = 0; t < count; t++) {
            threads[t] = new Thread(worker, name + "-" + t);
            threads[t].setDaemon(true);
            threads[t].start();
        }
        try {
            for (Thread thread : threads) {
                thread.join();
            }
        } catch (InterruptedException e) {
            stop.set(true);
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while " + name + " threads were running");
        }
    }
}
