package io.sweeper.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sweeper.SweeperException;
import io.sweeper.exec.AskTell;
import io.sweeper.store.Store;
import io.sweeper.store.SweepRow;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import picocli.CommandLine.Option;

/** What `ask`, `report` and `tell` share: the lease's length and token, metrics as {@code name=number}, JSON answers. */
final class AskTellOptions {
    /** Where `report` and `tell` find the lease token when {@code --lease-token} is not given. */
    static final String LEASE_VARIABLE = "SWEEPER_LEASE";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--lease", defaultValue = "600", paramLabel = "SECONDS",
            description = "How long the trial stays held after ask and after each report (default ${DEFAULT-VALUE});"
                    + " once it expires, another worker may take the trial over (attempt + 1).")
    int leaseSeconds;

    @Option(names = "--lease-token", paramLabel = "TOKEN",
            description = "The lease `sweeper ask` printed (default: $" + LEASE_VARIABLE + ").")
    Optional<String> leaseToken = Optional.empty();

    Duration lease() {
        if (leaseSeconds < 1) {
            throw new SweeperException("--lease must be at least 1 second, got " + leaseSeconds);
        }
        return Duration.ofSeconds(leaseSeconds);
    }

    String token() {
        return leaseToken.or(() -> Optional.ofNullable(System.getenv(LEASE_VARIABLE))).filter(t -> !t.isBlank())
                .orElseThrow(() -> new SweeperException("no lease token: pass the one `sweeper ask` printed with --lease-token,"
                        + " or set " + LEASE_VARIABLE));
    }

    /** How long a command waits for an H2 file another command holds; each holds it for a moment. */
    private static final Duration H2_WAIT = Duration.ofSeconds(120);
    /** H2's "database already open" (org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1). */
    private static final int H2_ALREADY_OPEN = 90020;

    /**
     * Opens the store; an H2 file that another process holds is waited for, since ask/tell callers
     * (several workers on one machine) each open it for one short command.
     */
    static Store open(StoreOptions store) throws InterruptedException {
        long giveUp = System.nanoTime() + H2_WAIT.toNanos();
        Random jitter = new Random();
        while (true) {
            try {
                return store.open();
            } catch (SweeperException e) {
                if (!heldByAnother(e) || System.nanoTime() > giveUp) {
                    throw e;
                }
                Thread.sleep(50 + jitter.nextInt(250)); // retry, spread out so waiting callers do not collide again
            }
        }
    }

    private static boolean heldByAnother(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException e && e.getErrorCode() == H2_ALREADY_OPEN) {
                return true;
            }
        }
        return false;
    }

    /** The service for the sweep, with the sweep file's attempt policy. */
    AskTell askTell(Store store, SweepRow sweep) {
        return new AskTell(store, sweep, lease());
    }

    /** {@code name=number} arguments, checked before anything is recorded. */
    static Map<String, Double> metrics(List<String> arguments) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (String argument : arguments) {
            int eq = argument.indexOf('=');
            if (eq < 1) {
                throw new SweeperException("'" + argument + "': metrics are name=number, e.g. val_loss=0.31; nothing recorded");
            }
            String value = argument.substring(eq + 1).strip();
            try {
                metrics.put(argument.substring(0, eq), Double.parseDouble(value));
            } catch (NumberFormatException e) {
                throw new SweeperException("'" + argument + "': '" + value + "' is not a number; metrics are name=number,"
                        + " e.g. val_loss=0.31; nothing recorded");
            }
        }
        return metrics;
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
