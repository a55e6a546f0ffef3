package io.sweeper.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** How values read in a table cell; {@value #NONE} stands for a value not there (yet). */
final class Cells {
    static final String NONE = "-";
    private static final DateTimeFormatter LOCAL_MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneId.systemDefault());

    private Cells() {
    }

    /**
     * A metric to four significant digits: enough to rank by eye, and the same width whether it
     * is an accuracy (0.9312) or a loss (0.001234). {@code best} writes the exact value.
     */
    static String metric(OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%.4g", value.getAsDouble()) : NONE;
    }

    static String integer(OptionalInt value) {
        return value.isPresent() ? Integer.toString(value.getAsInt()) : NONE;
    }

    /** A point in time on the user's clock, to the minute. */
    static String time(Instant at) {
        return LOCAL_MINUTE.format(at);
    }

    /** How long from start to end (or to {@code now} while it runs), as h:mm:ss or m:ss. */
    static String duration(Optional<Instant> start, Optional<Instant> end, Instant now) {
        if (start.isEmpty()) {
            return NONE;
        }
        long seconds = Math.max(0, Duration.between(start.get(), end.orElse(now)).toSeconds());
        return seconds >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    /** How long before {@code now} {@code then} was, in its largest whole unit: {@code 12 s ago}, {@code 3 h ago}. */
    static String ago(Instant then, Instant now) {
        long seconds = Math.max(0, Duration.between(then, now).toSeconds());
        if (seconds < 120) {
            return seconds + " s ago";
        }
        if (seconds < 2 * 3600) {
            return seconds / 60 + " min ago";
        }
        return seconds < 2 * 86400 ? seconds / 3600 + " h ago" : seconds / 86400 + " d ago";
    }
}
