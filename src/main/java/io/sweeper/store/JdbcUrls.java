package io.sweeper.store;

import io.sweeper.SweeperException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the store needs to know about a JDBC URL without connecting: which database it is, where
 * an H2 file lives, the settings sweeper adds to H2 URLs, and the URL as it may be shown to a
 * user (with passwords masked: URLs end up in messages, logs and bug reports).
 */
public final class JdbcUrls {
    /**
     * {@code password=…} as a URL setting, in any case and with spaces around {@code =} (H2 reads
     * {@code ; PASSWORD = x}); also PostgreSQL's {@code sslpassword}. In an H2 URL the value runs
     * to the next {@code ;}, in others to the next {@code ;} or {@code &}.
     */
    private static final Pattern PASSWORD_SETTING = Pattern.compile("(?i)(password\\s*=\\s*)([^;&]*)");
    private static final Pattern H2_PASSWORD_SETTING = Pattern.compile("(?i)(password\\s*=\\s*)([^;]*)");
    private static final Pattern USER_INFO_PASSWORD = Pattern.compile("(//[^/@:;?]*:)([^@/]*)(@)");
    private static final Pattern H2_NON_KEYWORDS = Pattern.compile("(?i)\\s*NON_KEYWORDS=");
    /** H2 URL prefixes of databases that are not a local file (memory, remote server, zip). */
    private static final Pattern H2_NOT_A_LOCAL_FILE = Pattern.compile("(?i)^(mem:|tcp:|ssl:|zip:)");

    private JdbcUrls() {
    }

    /** The URL with every password replaced by {@code ***}: {@code password=…} and {@code user:pass@}. */
    public static String mask(String url) {
        String masked = passwordSetting(url).matcher(url).replaceAll("$1***");
        return USER_INFO_PASSWORD.matcher(masked).replaceAll("$1***$3");
    }

    static DatabaseKind kindOf(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:h2:")) {
            return DatabaseKind.H2;
        }
        if (lower.startsWith("jdbc:postgresql:")) {
            return DatabaseKind.POSTGRESQL;
        }
        throw new SweeperException("unsupported database URL " + mask(url)
                + ": use jdbc:h2:file:PATH or jdbc:postgresql://HOST/DATABASE");
    }

    /**
     * The {@code .mv.db} file of an H2 URL that names a local file ({@code jdbc:h2:file:~/x},
     * {@code jdbc:h2:~/x}, {@code jdbc:h2:/x}), with {@code ~} expanded as H2 does; empty for
     * in-memory and server URLs, and for other databases.
     */
    public static Optional<Path> h2File(String url) {
        if (!url.regionMatches(true, 0, "jdbc:h2:", 0, "jdbc:h2:".length())) {
            return Optional.empty();
        }
        String location = url.substring("jdbc:h2:".length()).split(";", 2)[0];
        if (H2_NOT_A_LOCAL_FILE.matcher(location).find()) {
            return Optional.empty();
        }
        String name = location.replaceFirst("(?i)^(file:|nio:|split:[0-9]*:?|async:)+", "");
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        return Optional.of(Path.of(name + ".mv.db").toAbsolutePath().normalize());
    }

    /**
     * The H2 URL with the settings sweeper relies on, unless the user set them:
     * <ul>
     * <li>{@code NON_KEYWORDS=VALUE}: the schema (and users' queries) use {@code metric.value};</li>
     * <li>{@code DB_CLOSE_ON_EXIT=FALSE}: H2's own shutdown hook must not close the database
     *     before sweeper's Ctrl-C handling has marked running trials cancelled; the store closes
     *     it;</li>
     * <li>{@code TRACE_LEVEL_FILE=4}: H2 logs through SLF4J instead of writing a
     *     {@code .trace.db} file beside the database.</li>
     * <li>{@code WRITE_DELAY=0}: every commit is in the file when it returns, so a killed process
     *     loses nothing it recorded.</li>
     * </ul>
     * No {@code AUTO_SERVER}: one process owns an H2 file, and a second gets a clear message.
     */
    static String withH2Settings(String url) {
        StringBuilder result = new StringBuilder(url);
        appendUnlessSet(result, "NON_KEYWORDS", "VALUE");
        appendUnlessSet(result, "DB_CLOSE_ON_EXIT", "FALSE");
        appendUnlessSet(result, "TRACE_LEVEL_FILE", "4");
        // H2 writes commits to its file from a background thread up to 500 ms later by default, so
        // a killed process (kill -9, OOM) would lose what it had just recorded: the epoch a resumed
        // trial must continue from, a claim, an outbox row. 0 writes each commit before it returns.
        appendUnlessSet(result, "WRITE_DELAY", "0");
        return result.toString();
    }

    /**
     * The H2 URL for reading an existing file without writing to it: {@link #withH2Settings} plus
     * {@code ACCESS_MODE_DATA=r} (H2 opens the file read-only and refuses every change) and
     * {@code IFEXISTS=TRUE} (a missing file is an error, not a new empty store). Both replace
     * whatever the user's URL said.
     */
    static String withH2ReadOnlySettings(String url) {
        String without = Pattern.compile("(?i);\\s*(ACCESS_MODE_DATA|IFEXISTS)=[^;]*").matcher(url).replaceAll("");
        return withH2Settings(without) + ";ACCESS_MODE_DATA=r;IFEXISTS=TRUE";
    }

    private static void appendUnlessSet(StringBuilder url, String key, String value) {
        if (!Pattern.compile("(?i);\\s*" + key + "=").matcher(url).find()) {
            url.append(';').append(key).append('=').append(value);
        }
    }

    /**
     * The H2 URL for a second, non-admin user of the open database: its location and
     * {@code NON_KEYWORDS} only, because H2 runs every URL setting as a SET command and most of
     * them (DB_CLOSE_ON_EXIT, TRACE_LEVEL_FILE, …) need admin rights; the credentials are the
     * other user's.
     */
    static String h2UrlForAnotherUser(String url) {
        String[] parts = url.split(";");
        StringBuilder result = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            if (H2_NON_KEYWORDS.matcher(parts[i]).lookingAt()) {
                result.append(';').append(parts[i].strip());
            }
        }
        return result.toString();
    }

    /** The password written in the URL, if any, to scrub from driver messages that echo it. */
    static Optional<String> password(String url) {
        for (Pattern pattern : new Pattern[] {passwordSetting(url), USER_INFO_PASSWORD}) {
            Matcher matcher = pattern.matcher(url);
            if (matcher.find() && !matcher.group(2).isBlank()) {
                return Optional.of(matcher.group(2).strip());
            }
        }
        return Optional.empty();
    }

    private static Pattern passwordSetting(String url) {
        return url.regionMatches(true, 0, "jdbc:h2:", 0, "jdbc:h2:".length()) ? H2_PASSWORD_SETTING : PASSWORD_SETTING;
    }
}
