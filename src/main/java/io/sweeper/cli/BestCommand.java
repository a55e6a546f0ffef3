package io.sweeper.cli;

import io.sweeper.SweeperException;
import io.sweeper.report.BestConfig;
import io.sweeper.report.TerminalText;
import io.sweeper.store.Store;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sweeper best SWEEP}: the best trial's configuration, as {@code train --config} reads it. */
@Command(name = "best", description = "Write the best trial's configuration: a file for `sweeper train --config`.")
final class BestCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SWEEP", description = "The sweep's id, or its name (the newest sweep of that name).")
    String sweep;

    @Option(names = "--format", paramLabel = "yaml|json", description = "File format (default: yaml).")
    BestConfig.Format format = BestConfig.Format.YAML;

    @Option(names = "--out", paramLabel = "FILE", description = "Write it to FILE (default: print it).")
    Optional<Path> outFile = Optional.empty();

    @Mixin
    StoreOptions store;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        BestConfig best;
        try (Store opened = store.openReadOnly()) {
            best = BestConfig.read(opened, sweep);
        }
        String text = best.render(format);
        PrintWriter out = spec.commandLine().getOut();
        if (outFile.isEmpty()) {
            out.print(text);
            out.flush();
            return 0;
        }
        write(outFile.get(), text);
        out.println(TerminalText.escape("wrote " + outFile.get() + ": " + best.summary()));
        return 0;
    }

    private static void write(Path file, String text) {
        try {
            Path folder = file.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SweeperException("cannot write " + file + " (" + e + "): choose another --out", e);
        }
    }
}
