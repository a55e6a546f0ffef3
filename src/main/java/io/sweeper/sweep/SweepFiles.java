package io.sweeper.sweep;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sweeper.InputFile;
import io.sweeper.SweeperException;

/** Reads sweep files. Every problem a user can fix is a {@link SweeperException} naming file, line and key. */
public final class SweepFiles {
    private static final Logger LOG = LoggerFactory.getLogger(SweepFiles.class);
    /** UTF-8 takes up to four bytes a character: a file this big is over the character limit for sure. */
    private static final int MAX_BYTES = 4 * YamlDocument.MAX_CODE_POINTS;

    private SweepFiles() {
    }

    /** Reads and validates the sweep file at {@code file} (UTF-8); errors name it as given. */
    public static LoadedSweep load(Path file) {
        String source = file.toString();
        String text = InputFile.readUtf8(file, MAX_BYTES, "sweep files");
        LoadedSweep loaded = parse(text, source);
        LOG.debug("Read sweep file {}: method {}, {} parameters, {} warnings", source,
                loaded.spec().method().yamlName(), loaded.spec().leaves().size(), loaded.warnings().size());
        return loaded;
    }

    /** Validates sweep-file text; {@code sourceName} is what errors call it (e.g. a path). */
    public static LoadedSweep parse(String text, String sourceName) {
        return SweepSpecParser.parse(text, sourceName);
    }
}
