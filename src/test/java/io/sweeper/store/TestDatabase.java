package io.sweeper.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;

/**
 * A fresh, empty database for one test, on each kind the store supports: an H2 file in a
 * temporary folder always, and PostgreSQL when {@code SWEEPER_TEST_PG_URL} (environment or system
 * property) names a server, e.g. {@code jdbc:postgresql://127.0.0.1:5432/sweeper?user=u&password=p};
 * each test then gets its own schema there. Without it the PostgreSQL runs are skipped, not passed.
 * JUnit closes the argument after the test: stores are closed and the database removed.
 */
public abstract class TestDatabase implements AutoCloseable {
    public static final String PG_URL_VARIABLE = "SWEEPER_TEST_PG_URL";

    private final List<Store> opened = new ArrayList<>();

    /** The fresh database's URL. */
    public abstract String url();

    /** Opens (and migrates) the fresh database; closed after the test. */
    public Store open() {
        Store store = Store.open(url());
        opened.add(store);
        return store;
    }

    abstract void drop();

    @Override
    public void close() {
        opened.forEach(Store::close);
        drop();
    }

    /**
     * A fresh schema on the configured PostgreSQL server, for tests of other packages that need
     * one; the test is skipped (aborted) when no server is configured.
     */
    public static TestDatabase postgres() {
        return postgresUrl().<TestDatabase>map(PostgresSchema::new).orElseGet(PostgresNotConfigured::new);
    }

    /** A fresh H2 file in a temporary folder, for tests of other packages. */
    public static TestDatabase h2File() {
        return new H2File();
    }

    static Optional<String> postgresUrl() {
        return Optional.ofNullable(System.getProperty(PG_URL_VARIABLE))
                .or(() -> Optional.ofNullable(System.getenv(PG_URL_VARIABLE)))
                .filter(url -> !url.isBlank());
    }

    /** Supplies one {@link TestDatabase} per kind to tests annotated {@link OnEachDatabase}. */
    static final class Kinds implements ArgumentsProvider {
        @Override
        public Stream<? extends Arguments> provideArguments(ExtensionContext context) {
            return Stream.of(Arguments.of(new H2File()), Arguments.of(postgres()));
        }
    }

    static final class H2File extends TestDatabase {
        final Path folder;

        H2File() {
            try {
                folder = Files.createTempDirectory("sweeper-store-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String url() {
            return "jdbc:h2:file:" + folder.resolve("sweeper");
        }

        @Override
        void drop() {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String toString() {
            return "H2 file";
        }
    }

    /** A schema of its own on the configured server, so tests never see each other's rows. */
    static final class PostgresSchema extends TestDatabase {
        private final String serverUrl;
        private final String schema = "sweeper_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        private boolean created;

        PostgresSchema(String serverUrl) {
            this.serverUrl = serverUrl;
        }

        @Override
        public String url() {
            if (!created) {
                execute("CREATE SCHEMA " + schema);
                created = true;
            }
            return serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        }

        @Override
        void drop() {
            if (created) {
                execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }

        private void execute(String sql) {
            try (Connection connection = DriverManager.getConnection(serverUrl);
                    Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException("test PostgreSQL at " + JdbcUrls.mask(serverUrl) + ": " + e.getMessage(), e);
            }
        }

        @Override
        public String toString() {
            return "PostgreSQL";
        }
    }

    static final class PostgresNotConfigured extends TestDatabase {
        @Override
        public String url() {
            Assumptions.abort("set " + PG_URL_VARIABLE + " to run this against PostgreSQL");
            throw new AssertionError("unreachable");
        }

        @Override
        void drop() {
        }

        @Override
        public String toString() {
            return "PostgreSQL";
        }
    }
}
