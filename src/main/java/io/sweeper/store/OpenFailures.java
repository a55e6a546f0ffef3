package io.sweeper.store;

import io.sweeper.SweeperException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Turns what the driver or Flyway threw while opening a store into the one line a user needs:
 * what is wrong with which database, and what to do. Recognises the cases a user can cause
 * (another process holds the H2 file, wrong password, server down, no such database, read-only
 * file) by the databases' error codes; messages never contain the URL's password.
 */
final class OpenFailures {
    // H2's error codes (org.h2.api.ErrorCode), by value to keep H2 off the compile classpath's API
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;
    private static final int H2_WRONG_USER_OR_PASSWORD = 28000;
    private static final int H2_DATABASE_IS_READ_ONLY = 90097;
    private static final int H2_FILE_CORRUPTED = 90030;
    private static final int H2_IO_EXCEPTION = 90028;
    private static final int H2_IO_EXCEPTION_FILE = 90031;
    private static final int H2_ERROR_CREATING_FILE = 90062;
    private static final int H2_URL_FORMAT_ERROR = 90046;
    private static final int H2_UNSUPPORTED_SETTING = 90113;
    private static final int H2_CONNECTION_BROKEN = 90067;
    private static final int H2_DATABASE_NOT_FOUND_WITH_IF_EXISTS = 90146;

    private final String maskedUrl;
    private final Optional<Path> h2File;
    private final Optional<String> password;

    OpenFailures(String url) {
        this.maskedUrl = JdbcUrls.mask(url);
        this.h2File = JdbcUrls.kindOf(url) == DatabaseKind.H2 ? JdbcUrls.h2File(url) : Optional.empty();
        this.password = JdbcUrls.password(url);
    }

    SweeperException describe(Throwable failure) {
        Optional<SQLException> sql = sqlCause(failure);
        String reason = reason(sql.<Throwable>map(e -> e).orElse(failure));
        if (sql.isEmpty()) {
            return new SweeperException("cannot open database " + maskedUrl + ": " + reason, failure);
        }
        SQLException e = sql.get();
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String where = h2File.map(file -> "file " + file).orElse(maskedUrl);
        String message = switch (e.getErrorCode()) {
            case H2_DATABASE_ALREADY_OPEN -> "database file is locked by another sweeper process (" + where
                    + "): stop it, or use --db to work on another database";
            case H2_WRONG_USER_OR_PASSWORD -> "wrong user or password for " + maskedUrl
                    + ": give the ones the database was created with (;USER=…;PASSWORD=… in --db)";
            case H2_DATABASE_IS_READ_ONLY -> "database " + where
                    + " is read-only: make the file and its folder writable, or use --db with another location";
            case H2_IO_EXCEPTION, H2_IO_EXCEPTION_FILE, H2_ERROR_CREATING_FILE -> "cannot write database "
                    + where + " (" + reason + "): check permissions and free space, or use --db with another location";
            case H2_FILE_CORRUPTED -> "database " + where + " is damaged (" + reason
                    + "): restore it from a backup, or use --db with another location";
            case H2_URL_FORMAT_ERROR, H2_UNSUPPORTED_SETTING -> "bad database URL " + maskedUrl + " (" + reason
                    + "): see https://h2database.com/html/features.html#database_url";
            case H2_DATABASE_NOT_FOUND_WITH_IF_EXISTS -> "no store at " + where
                    + ": `sweeper run` creates one (check --db)";
            case H2_CONNECTION_BROKEN -> "cannot reach the H2 server of " + maskedUrl + " (" + reason
                    + "): start it, or fix host and port";
            default -> postgresMessage(state, reason);
        };
        return new SweeperException(message, failure);
    }

    private String postgresMessage(String sqlState, String reason) {
        if (sqlState.startsWith("08")) {
            return "cannot reach PostgreSQL at " + maskedUrl + " (" + reason
                    + "): start the server, or fix host and port in --db";
        }
        return switch (sqlState) {
            case "28P01", "28000" -> "PostgreSQL refused the login at " + maskedUrl + " (" + reason
                    + "): check user and password (in --db or ~/.pgpass)";
            case "3D000" -> "no such database at " + maskedUrl + " (" + reason
                    + "): create it (createdb NAME) or fix --db";
            case "42501" -> "the database user may not create sweeper's tables at " + maskedUrl + " (" + reason
                    + "): grant it CREATE on the schema, or run sweeper once as the schema's owner";
            default -> "cannot open database " + maskedUrl + ": " + reason;
        };
    }

    private static Optional<SQLException> sqlCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException e) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The first line of the driver's message, without the URL's password or H2's code suffix. */
    String reason(Throwable failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        String line = message.lines().findFirst().orElse("").strip().replaceFirst("\\s*\\[\\d{5}-\\d+]$", "");
        String scrubbed = password.map(p -> line.replace(p, "***")).orElse(line);
        return JdbcUrls.mask(scrubbed);
    }
}
