package io.sweeper.exec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** SHA-256 and size of a checkpoint: a file, or a folder's files in name order. */
public record CheckpointDigest(String sha256, long bytes) {

    public static CheckpointDigest of(Path path) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            List<Path> files;
            try (Stream<Path> walk = Files.walk(path)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            long bytes = 0;
            byte[] buffer = new byte[1 << 16];
            for (Path f : files) {
                try (InputStream in = Files.newInputStream(f)) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        sha.update(buffer, 0, n);
                        bytes += n;
                    }
                }
            }
            return new CheckpointDigest(HexFormat.of().formatHex(sha.digest()), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint " + path, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
