package io.sweeper;

import java.nio.file.FileSystemException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import org.jooq.exception.DataAccessException;

/**
 * A full disk, recognised in whatever wraps it. The operating system's ENOSPC reaches Java as an
 * {@link java.io.IOException} whose message is "No space left on device"; by the time it arrives
 * it may be the cause of a cause (ND4J and JavaCPP wrap it in runtime exceptions, H2 in an
 * {@link SQLException}, jOOQ in a {@link DataAccessException}) or only quoted in the message of
 * another exception, so the whole chain is searched, messages included.
 */
public final class NoSpaceLeft {
    private static final String ENOSPC = "no space left on device";

    private NoSpaceLeft() {
    }

    /** The exception in {@code failure}'s chain that says the disk is full, if one does. */
    public static Optional<Throwable> in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains(ENOSPC)) {
                return Optional.of(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }

    /** The file the full disk refused, when the exception that says so names it. */
    public static Optional<String> file(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof FileSystemException fs && fs.getFile() != null) {
                return Optional.of(fs.getFile());
            }
        }
        return Optional.empty();
    }

    /** Whether the failure came from the database (the store's disk is full, not the runs folder's). */
    public static boolean inDatabase(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException || t instanceof DataAccessException) {
                return true;
            }
        }
        return false;
    }
}
