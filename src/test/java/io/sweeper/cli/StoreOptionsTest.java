package io.sweeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sweeper.store.Store;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where the store is: --db, else $SWEEPER_DB, else the default H2 file. */
class StoreOptionsTest {
    private static String url(Optional<String> flag, Map<String, String> environment) {
        StoreOptions options = new StoreOptions();
        options.db = flag;
        return options.url(environment);
    }

    @Test
    void theFlagWinsOverTheEnvironment() {
        assertThat(url(Optional.of("jdbc:h2:file:/a"), Map.of("SWEEPER_DB", "jdbc:h2:file:/b"))).isEqualTo("jdbc:h2:file:/a");
    }

    @Test
    void theEnvironmentWinsOverTheDefault() {
        assertThat(url(Optional.empty(), Map.of("SWEEPER_DB", "jdbc:postgresql://db/sweeps"))).isEqualTo("jdbc:postgresql://db/sweeps");
    }

    @Test
    void blankSettingsAreNotSettings() {
        assertThat(url(Optional.of(" "), Map.of("SWEEPER_DB", "jdbc:h2:file:/b"))).isEqualTo("jdbc:h2:file:/b");
        assertThat(url(Optional.empty(), Map.of("SWEEPER_DB", ""))).isEqualTo(Store.DEFAULT_URL);
        assertThat(url(Optional.empty(), Map.of())).isEqualTo(Store.DEFAULT_URL);
    }

    @Test
    void theHelpNeverShowsTheResolvedUrl() {
        CliRun help = CliRun.of("ls", "--help");
        assertThat(help.out()).contains("--db=URL", "$SWEEPER_DB", Store.DEFAULT_URL);
    }
}
