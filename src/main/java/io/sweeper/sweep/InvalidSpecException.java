package io.sweeper.sweep;

/**
 * A value that breaks a record's rules (max below min, q ≤ 0, …), thrown by the records' own
 * constructors so that every rule is written once. {@link #key()} names the offending key
 * relative to the record (e.g. {@code max}); the parser turns it into a {@code SweeperException}
 * naming the file, line and full key path. Thrown directly, it is a programming error.
 */
public class InvalidSpecException extends IllegalArgumentException {
    private final String key;

    public InvalidSpecException(String key, String message) {
        super(key + ": " + message);
        this.key = key;
    }

    /** The key the problem is about, relative to the record that refused it. */
    public String key() {
        return key;
    }

    /** The problem without the key in front, for messages that put the key path there. */
    public String problem() {
        return getMessage().substring(key.length() + 2);
    }
}
