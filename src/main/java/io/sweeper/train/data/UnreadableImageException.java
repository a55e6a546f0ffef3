package io.sweeper.train.data;

import io.sweeper.SweeperException;

/** An image file that cannot be decoded: the one per-file problem that may be skipped. */
final class UnreadableImageException extends SweeperException {
    UnreadableImageException(String message) {
        super(message);
    }

    UnreadableImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
