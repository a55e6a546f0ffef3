package io.sweeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.sweeper.testing.SmallDisk;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

/** A full disk is recognised however it arrives: from the JDK, through ND4J, wrapped, or quoted. */
class NoSpaceLeftTest {
    @TempDir
    Path dir;

    @Test
    void realFullDiskErrorsAreRecognisedThroughTheirWrappers() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(dir.resolve("disk"), "64k")) {
            Throwable jdk = catchThrowable(() -> Files.write(disk.path().resolve("big"), new byte[1 << 20]));
            Throwable nd4j = catchThrowable(() -> Nd4j.saveBinary(Nd4j.rand(512, 512), disk.path().resolve("w").toFile()));

            assertThat(NoSpaceLeft.in(jdk)).as("%s", jdk).isPresent();
            assertThat(NoSpaceLeft.in(nd4j)).as("%s", nd4j).isPresent();
            assertThat(NoSpaceLeft.in(new UncheckedIOException((java.io.IOException) jdk))).isPresent();
            assertThat(NoSpaceLeft.in(new SweeperException("cannot write x: " + jdk.getMessage()))).isPresent();
            assertThat(NoSpaceLeft.inDatabase(jdk)).isFalse();
            assertThat(NoSpaceLeft.inDatabase(new IllegalStateException(new SQLException("IO Exception", jdk)))).isTrue();
        }
    }

    @Test
    void otherFailuresAreNotTakenForAFullDisk() {
        assertThat(NoSpaceLeft.in(new java.io.IOException("Permission denied", new RuntimeException("boom")))).isEmpty();
        assertThat(NoSpaceLeft.in(new RuntimeException((String) null))).isEmpty();
    }
}
