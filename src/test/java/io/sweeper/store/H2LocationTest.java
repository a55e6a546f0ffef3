package io.sweeper.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.sweeper.SweeperException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2LocationTest {
    @Test
    void missingFoldersAreCreated(@TempDir Path folder) {
        Path nested = folder.resolve("a/b/c");
        try (Store store = Store.open("jdbc:h2:file:" + nested.resolve("sweeper"))) {
            assertThat(store.listSweeps()).isEmpty();
        }
        assertThat(nested.resolve("sweeper.mv.db")).exists();
        assertThat(nested.resolve("sweeper.trace.db")).as("H2 logs through SLF4J, not beside the data").doesNotExist();
    }

    @Test
    void aFileWhereTheFolderShouldBeIsOneClearLine(@TempDir Path folder) throws Exception {
        Path inTheWay = Files.writeString(folder.resolve("runs"), "not a folder");
        assertThatThrownBy(() -> Store.open("jdbc:h2:file:" + inTheWay.resolve("sweeper")))
                .isInstanceOf(SweeperException.class)
                .hasMessageStartingWith("cannot create the database folder " + inTheWay)
                .hasMessageEndingWith("make its parent writable, or use --db with another location")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aReadOnlyFolderIsOneClearLine(@TempDir Path folder) throws Exception {
        assumeFalse("root".equals(System.getProperty("user.name")), "root may write anywhere");
        Path readOnly = Files.createDirectory(folder.resolve("ro"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        assertThatThrownBy(() -> Store.open("jdbc:h2:file:" + readOnly.resolve("sweeper")))
                .isInstanceOf(SweeperException.class)
                .hasMessage("database folder " + readOnly
                        + " is read-only: make it writable, or use --db with another location");
        assertThat(readOnly).isEmptyDirectory();
    }
}
