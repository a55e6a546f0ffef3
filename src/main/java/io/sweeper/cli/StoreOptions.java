package io.sweeper.cli;

import io.sweeper.store.Store;
import picocli.CommandLine.Option;

/** Where the sweeps are stored: {@code --db URL}, else {@code $SWEEPER_DB}, else the embedded H2 file. */
final class StoreOptions {
    @Option(names = "--db", paramLabel = "URL",
            description = "JDBC URL of the store (default: $SWEEPER_DB, else " + Store.DEFAULT_URL + ").")
    String url;

    String url() {
        if (url != null) {
            return url;
        }
        String env = System.getenv("SWEEPER_DB");
        return env != null && !env.isBlank() ? env : Store.DEFAULT_URL;
    }

    Store open() {
        return Store.open(url());
    }
}
