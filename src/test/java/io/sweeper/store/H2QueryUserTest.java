package io.sweeper.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sweeper.SweeperException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** H2's admin commands reach the file system and the JVM; the query user may run none of them. */
class H2QueryUserTest {
    @Test
    void adminCommandsAreRefused(@TempDir Path folder) {
        try (Store store = Store.open("jdbc:h2:file:" + folder.resolve("sweeper"))) {
            Path dump = folder.resolve("dump.sql");
            for (String command : new String[] {
                    "SCRIPT TO '" + dump + "'",
                    "CALL CSVWRITE('" + folder.resolve("x.csv") + "', 'SELECT 1')",
                    "SELECT * FROM CSVREAD('/etc/hostname')",
                    "CREATE ALIAS EXIT_NOW FOR 'java.lang.System.exit'",
                    "CREATE USER intruder PASSWORD 'x' ADMIN",
                    "SHUTDOWN"}) {
                assertThatThrownBy(() -> store.query(command, 10)).as(command)
                        .isInstanceOf(SweeperException.class)
                        .hasMessageContaining("refused to change anything");
            }
            assertThatThrownBy(() -> Files.size(dump)).isInstanceOf(java.nio.file.NoSuchFileException.class);
            store.listSweeps(); // still open
        }
    }
}
