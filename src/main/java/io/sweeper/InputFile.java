package io.sweeper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads a small text file that the user names (a sweep file, a trial configuration, a checkpoint's
 * {@code model.json}) with a hard limit on the bytes read. A regular file's size is checked before
 * reading; a pipe, a device or {@code /dev/stdin} reports no size (0), so at most limit + 1 bytes
 * of it are read and one byte more than the limit refuses it. {@code /dev/zero} or an endless
 * {@code yes} therefore ends in one clear line, not in OutOfMemoryError; a short pipe
 * ({@code cat sweep.yaml | sweeper validate /dev/stdin}) works.
 *
 * <p>Every refusal is a {@link SweeperException} naming the file.
 */
public final class InputFile {
    private InputFile() {
    }

    /**
     * The file's text, strict UTF-8 (an invalid byte is refused rather than replaced).
     *
     * @param maxBytes the most bytes the file may have
     * @param what what the file should be, for messages: "sweep files", "a trial configuration"
     */
    public static String readUtf8(Path file, int maxBytes, String what) {
        byte[] bytes = read(file, maxBytes, what);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new SweeperException(file + ": is not UTF-8 text; save it as UTF-8", e);
        }
    }

    /** The file's bytes, at most {@code maxBytes} of them; see {@link #readUtf8} for {@code what}. */
    public static byte[] read(Path file, int maxBytes, String what) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (attributes.isDirectory()) {
                throw new SweeperException(file + ": is a folder; expected a file (" + what + ")");
            }
            if (attributes.isRegularFile() && attributes.size() > maxBytes) {
                throw new SweeperException(file + ": the file is " + attributes.size() + " bytes; " + what
                        + " are limited to " + maxBytes + " bytes (is this the right file?)");
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                // limit + 1: reading one byte past the limit is how a file without a size shows it is too long
                bytes = in.readNBytes(maxBytes + 1);
            }
            if (bytes.length > maxBytes) {
                throw new SweeperException(file + ": " + (attributes.isRegularFile()
                        ? "grew past " + maxBytes + " bytes while it was read"
                        : "not a regular file and longer than " + maxBytes + " bytes; " + what + " are limited to "
                                + maxBytes + " bytes (is this the right file?)"));
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new SweeperException(file + ": no such file", e);
        } catch (IOException e) {
            throw new SweeperException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }
}
