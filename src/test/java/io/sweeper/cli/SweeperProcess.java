package io.sweeper.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The real `sweeper` command line as a process of its own (a JVM on the test classpath). */
final class SweeperProcess {
    private SweeperProcess() {
    }

    /** A builder for {@code sweeper ARGS} run in {@code dir}; the caller sets redirects and starts it. */
    static ProcessBuilder builder(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // small and quick to start: these processes run commands, not the trainer
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(dir.toFile());
    }
}
