package io.sweeper.sweep;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sweeper.SweeperException;

/** Reads sweep files. Every problem a user can fix is a {@link SweeperException} naming file, line and key. */
public final class SweepFiles {
    private static final Logger LOG = LoggerFactory.getLogger(SweepFiles.class);
    /** UTF-8 takes up to four bytes a character: a file this big is over the character limit for sure. */
    private static final long MAX_BYTES = 4L * YamlDocument.MAX_CODE_POINTS;

    private SweepFiles() {
    }

    /** Reads and validates the sweep file at {@code file} (UTF-8); errors name it as given. */
    public static LoadedSweep load(Path file) {
        String source = file.toString();
        String text;
        try {
            long bytes = Files.size(file);
            if (bytes > MAX_BYTES) {
                throw new SweeperException(source + ":1: the file is " + bytes + " bytes; sweep files are limited to "
                        + YamlDocument.MAX_CODE_POINTS + " characters (is this the right file?)");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new SweeperException(source + ": no such file", e);
        } catch (CharacterCodingException e) {
            throw new SweeperException(source + ": is not UTF-8 text; save it as UTF-8", e);
        } catch (IOException e) {
            throw new SweeperException(source + ": cannot be read (" + e.getMessage() + ")", e);
        }
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
