package io.sweeper.train.data;

import io.sweeper.SweeperException;

/** An image file that cannot be decoded: the one per-file problem that may be skipped. */
final class UnreadableImageException extends SweeperException {
    private static final String WHAT_TO_DO =
            "; replace or delete the file, or load with skipBadImages to leave it out";

    private final String problem;

    /** {@code problem} says what is wrong with the file, naming it. */
    UnreadableImageException(String problem, Throwable cause) {
        super(problem + WHAT_TO_DO, cause);
        this.problem = problem;
    }

    UnreadableImageException(String problem) {
        this(problem, null);
    }

    /** What is wrong, without the advice: for the warning when the file is skipped. */
    String problem() {
        return problem;
    }
}
