package io.sweeper.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sweeper.SweeperException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * H2 locks its file per process (within one process every connection shares the open database),
 * so the second sweeper here is a real second JVM.
 */
class H2FileLockTest {
    @Test
    void aDatabaseFileHeldByAnotherProcessGetsAClearMessage(@TempDir Path folder) throws Exception {
        String url = "jdbc:h2:file:" + folder.resolve("sweeper");
        Process other = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dorg.jooq.no-logo=true",
                H2FileHolder.class.getName(), url)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).as("the other process opened the store").isEqualTo("open");

            assertThatThrownBy(() -> Store.open(url))
                    .isInstanceOf(SweeperException.class)
                    .hasMessage("database file is locked by another sweeper process (file "
                            + folder.resolve("sweeper.mv.db") + "): stop it, or use --db to work on another database");
            // readers too (README: H2 lets one process at a time open a file)
            assertThatThrownBy(() -> Store.openReadOnly(url))
                    .isInstanceOf(SweeperException.class)
                    .hasMessageStartingWith("database file is locked by another sweeper process (file "
                            + folder.resolve("sweeper.mv.db") + ")");
        } finally {
            other.getOutputStream().close();
            assertThat(other.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        try (Store store = Store.open(url)) {
            assertThat(store.listSweeps()).as("free again once the other process stopped").isEmpty();
        }
    }
}
