package io.sweeper.exec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Ends a trial's process and everything it started: SIGTERM to all of them, then SIGKILL to those
 * still alive after a grace period. The tree is read before the first signal: a child whose
 * parent dies is re-parented and no longer shows among the descendants, yet may still hold the
 * output pipe (and the trial's resources).
 */
final class ProcessTree {
    /** How long a program has to exit after SIGTERM. */
    static final Duration GRACE = Duration.ofSeconds(5);

    private ProcessTree() {
    }

    /** Terminates {@code process} and its descendants; returns once all are gone (or after two grace periods). */
    static void terminate(Process process, Duration grace) throws InterruptedException {
        List<ProcessHandle> tree = snapshot(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        if (awaitExit(tree, grace)) {
            return;
        }
        List<ProcessHandle> survivors = new ArrayList<>();
        for (ProcessHandle handle : tree) {
            if (handle.isAlive()) {
                survivors.addAll(snapshot(handle)); // and whatever they started meanwhile
            }
        }
        survivors.forEach(ProcessHandle::destroyForcibly);
        awaitExit(survivors, grace);
    }

    private static List<ProcessHandle> snapshot(ProcessHandle root) {
        return Stream.concat(Stream.of(root), root.descendants()).toList();
    }

    private static boolean awaitExit(List<ProcessHandle> handles, Duration grace) throws InterruptedException {
        CompletableFuture<?>[] exits = handles.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(grace.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }
}
