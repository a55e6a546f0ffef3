package io.sweeper.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sweeper.SweeperException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * H2's admin commands and functions reach the file system and the JVM. Commands that are not a
 * query never get past the parser; functions inside a SELECT do, and the query user's lack of
 * rights is what H2 itself refuses them for.
 */
class H2QueryUserTest {
    @Test
    void adminCommandsAreRefused(@TempDir Path folder) {
        try (Store store = Store.open("jdbc:h2:file:" + folder.resolve("sweeper"))) {
            Path dump = folder.resolve("dump.sql");
            for (String command : new String[] {
                    "SCRIPT TO '" + dump + "'",
                    "CALL CSVWRITE('" + dump + "', 'SELECT 1')",
                    "CREATE ALIAS EXIT_NOW FOR 'java.lang.System.exit'",
                    "CREATE USER intruder PASSWORD 'x' ADMIN",
                    "SHUTDOWN"}) {
                assertThatThrownBy(() -> store.query(command, 10)).as(command)
                        .isInstanceOf(SweeperException.class)
                        .hasMessageContaining("`sweeper query` is read-only");
            }
            for (String select : new String[] {
                    "SELECT CSVWRITE('" + dump + "', 'SELECT 1')",
                    "SELECT FILE_WRITE('x', '" + dump + "')",
                    "SELECT * FROM CSVREAD('/etc/hostname')",
                    "SELECT FILE_READ('/etc/hostname')"}) {
                assertThatThrownBy(() -> store.query(select, 10)).as(select)
                        .isInstanceOf(SweeperException.class)
                        .hasMessageContaining("refused to change anything")
                        .hasCauseInstanceOf(SQLException.class); // H2's refusal
            }
            assertThat(dump).doesNotExist();
            store.listSweeps(); // still open
        }
    }

    @Test
    void theQueryUsersPasswordIsRandomPerStore(@TempDir Path folder) throws SQLException {
        List<String> passwords = new ArrayList<>();
        for (String name : List.of("a", "b")) {
            String url = "jdbc:h2:file:" + folder.resolve(name);
            Store.open(url).close();
            try (Connection owner = DriverManager.getConnection(url);
                    ResultSet rs = owner.createStatement().executeQuery("SELECT password FROM sweeper_private.query_reader")) {
                assertThat(rs.next()).isTrue();
                passwords.add(rs.getString(1));
            }
            // the password every store had before, public in sweeper's source, opens nothing
            assertThatThrownBy(() -> DriverManager.getConnection(url, "sweeper_query", "sweeper_query").close())
                    .isInstanceOf(SQLException.class);
            try (Connection reader = DriverManager.getConnection(url, "sweeper_query", passwords.get(passwords.size() - 1))) {
                // the reader cannot read its own password: only the owner can
                assertThatThrownBy(() -> reader.createStatement().executeQuery("SELECT password FROM sweeper_private.query_reader"))
                        .isInstanceOf(SQLException.class);
            }
        }
        assertThat(passwords.get(0)).hasSize(64).isNotEqualTo(passwords.get(1));
    }
}
