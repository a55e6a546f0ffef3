package io.sweeper;

/**
 * A problem the user can fix: a bad file, key, value, URL or folder. Its message is the one line
 * the CLI prints (naming the file/line/key or URL and what to do); the CLI exits non-zero and
 * shows no stack trace unless {@code --verbose}.
 */
public class SweeperException extends RuntimeException {
    public SweeperException(String message) {
        super(message);
    }

    public SweeperException(String message, Throwable cause) {
        super(message, cause);
    }
}
