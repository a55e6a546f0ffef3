package io.sweeper.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.sweeper.sweep.LoadedSweep;
import io.sweeper.sweep.ParameterSpec;
import io.sweeper.sweep.SweepFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every sweep file in sweeps/ loads and asks the built-in trainer only for what it has. */
class ShippedSweepsTest {
    static Stream<Path> sweepFiles() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of("sweeps"))) {
            files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("sweepFiles")
    void loadsAndUsesOnlyTrainerParameters(Path file) {
        LoadedSweep loaded = SweepFiles.load(file);
        assertThat(loaded.warnings()).isEmpty();
        assertThat(SweepSession.usesBuiltInTrainer(loaded.spec())).isTrue();
        assertThat(loaded.spec().metric()).hasValueSatisfying(m -> assertThat(BuiltInTrainerRunner.METRICS).contains(m.name()));
        for (ParameterSpec.Leaf leaf : loaded.spec().leaves()) {
            assertThat(BuiltInTrainerRunner.unknownParameter(leaf.name())).as(file + ": " + leaf.name()).isEmpty();
        }
    }
}
