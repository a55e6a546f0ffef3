package io.sweeper.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sweeper.SweeperException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PostgresConnectionTest {
    @Test
    void anUnreachableServerIsOneLineNamingTheUrlWithoutItsPassword() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/sweeps?user=ana&password=s3cret&connectTimeout=5";
        assertThatThrownBy(() -> Store.open(url))
                .isInstanceOf(SweeperException.class)
                .hasMessageStartingWith("cannot reach PostgreSQL at " + JdbcUrls.mask(url) + " (")
                .hasMessageEndingWith("): start the server, or fix host and port in --db")
                .hasMessageNotContaining("s3cret")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aWrongPasswordIsOneLineWithoutThePassword() {
        String url = TestDatabase.postgresUrl().orElse("");
        assumeTrue(!url.isEmpty(), "set " + TestDatabase.PG_URL_VARIABLE + " to run this against PostgreSQL");
        String wrong = url.replaceAll("password=[^&]*", "password=not-the-password");
        assumeTrue(wrong.contains("password=not-the-password"), "the test URL carries no password to change");
        assertThatThrownBy(() -> Store.open(wrong))
                .isInstanceOf(SweeperException.class)
                .hasMessageStartingWith("PostgreSQL refused the login at " + JdbcUrls.mask(wrong))
                .hasMessageEndingWith("check user and password (in --db or ~/.pgpass)")
                .hasMessageNotContaining("not-the-password");
    }

    @Test
    void aMissingDatabaseIsOneLine() {
        String url = TestDatabase.postgresUrl().orElse("");
        assumeTrue(!url.isEmpty(), "set " + TestDatabase.PG_URL_VARIABLE + " to run this against PostgreSQL");
        String missing = url.replaceFirst("(//[^/]+/)[^?]+", "$1no_such_sweeper_db");
        assertThatThrownBy(() -> Store.open(missing))
                .isInstanceOf(SweeperException.class)
                .hasMessageStartingWith("no such database at " + JdbcUrls.mask(missing));
    }
}
