package io.sweeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sweeper.store.Store;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A password written in the --db URL, in any of the ways H2 and PostgreSQL accept it, is never
 * printed: not in "bad database URL", not in "cannot reach", not in what `ls` says of a store.
 */
class PasswordMaskingTest {
    private static final String PASSWORD = "Secret-7f3a";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {
        "jdbc:h2:file:DIR/a;USER=sa; PASSWORD = " + PASSWORD,             // H2 refuses the spaced key: "bad database URL"
        "jdbc:h2:file:DIR/b;USER=sa;password=" + PASSWORD + ";FOO=1",     // an unknown setting: "bad database URL"
        "jdbc:h2:file:DIR/c;USER=sa;PassWord =" + PASSWORD + "&x;FOO=1",  // & belongs to an H2 password
        "jdbc:h2:file:DIR/d;USER=sa;PASSWORD=" + PASSWORD,                // opens: `ls` names the store
        "jdbc:postgresql://127.0.0.1:PORT/s?user=ana&password=" + PASSWORD + "&connectTimeout=5",
        "jdbc:postgresql://127.0.0.1:PORT/s?user=ana&PASSWORD=" + PASSWORD + "&connectTimeout=5",
        "jdbc:postgresql://127.0.0.1:PORT/s?user=ana&sslpassword=" + PASSWORD + "&connectTimeout=5",
    })
    void isMaskedInEveryMessage(String template) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = template.replace("DIR", dir.toString()).replace("PORT", Integer.toString(closedPort));
        if (template.contains("DIR/d;")) {
            Store.open(url).close(); // `ls` only reads: the store it names must exist
        }
        CliRun run = CliRun.of("ls", "--db", url);
        assertThat(run.out() + run.err()).as("the URL shows up masked").contains("***");
        assertThat(run.out() + run.err()).doesNotContain(PASSWORD).doesNotContain("7f3a");
        assertThat(run.hasStackTrace()).as(run.err()).isFalse();
    }
}
