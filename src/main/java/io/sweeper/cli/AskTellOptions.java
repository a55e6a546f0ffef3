package io.sweeper.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sweeper.SweeperException;
import io.sweeper.exec.AskTell;
import io.sweeper.store.Store;
import io.sweeper.store.SweepRow;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
