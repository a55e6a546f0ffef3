package io.sweeper.cli;

import io.sweeper.store.Store;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Where the store is, for every command that reads or writes it: {@code --db URL}, else the
 * environment variable {@code SWEEPER_DB}, else the embedded H2 file {@link Store#DEFAULT_URL}.
 * The help text never shows the resolved URL: one taken from the environment may hold a password.
 */
final class StoreOptions {
    static final String ENVIRONMENT_VARIABLE = "SWEEPER_DB";

    @Option(names = "--db", paramLabel = "URL",
            description = {"The store: jdbc:h2:file:PATH or jdbc:postgresql://HOST/DB.",
                "Default: $" + ENVIRONMENT_VARIABLE + ", else " + Store.DEFAULT_URL + "."})
    Optional<String> db = Optional.empty();

    /** Opens (creating and migrating if needed) the store; the caller closes it. */
    Store open() {
        return Store.open(url());
    }

    /** Opens the existing store for reading only (see {@link Store#openReadOnly}); the caller closes it. */
    Store openReadOnly() {
        return Store.openReadOnly(url());
    }

    /** The URL to open; may hold a password, so show {@link Store#url()} of the opened store instead. */
    String url() {
        return url(System.getenv());
    }

    String url(Map<String, String> environment) {
        return db.filter(url -> !url.isBlank())
                .or(() -> Optional.ofNullable(environment.get(ENVIRONMENT_VARIABLE)).filter(url -> !url.isBlank()))
                .orElse(Store.DEFAULT_URL);
    }
}
