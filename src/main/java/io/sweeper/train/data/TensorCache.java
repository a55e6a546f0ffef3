package io.sweeper.train.data;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Preprocessed tensors on disk, one file per (data content, pipeline, format) under a directory.
 *
 * <p>The key is a SHA-256 over the format version, the pipeline's parameters, the bad-image policy
 * and, for every image file in order, its relative path and the SHA-256 of its bytes: changing,
 * adding, removing or renaming an image, or any parameter, gives another entry. Entries are
 * written to a temporary file and renamed into place, so a killed process leaves no half-written
 * entry under a real name; an entry that fails its checksum or does not parse is ignored with a
 * warning and rebuilt.
 */
final class TensorCache {
    /**
     * Bump whenever the file layout or the output of any pipeline changes, so that old entries
     * are no longer found.
     */
    static final int FORMAT_VERSION = 1;
    private static final Logger log = LoggerFactory.getLogger(TensorCache.class);
    private static final byte[] MAGIC = "sweeper-tensors\n".getBytes(StandardCharsets.US_ASCII);
    private static final String SUFFIX = ".tensors";

    private final Path dir;

    TensorCache(Path dir) {
        this.dir = dir;
    }

    /** A cache entry: the tensors and the files that were skipped building them. */
    record Entry(ImageTensors tensors, List<String> skippedFiles) {
    }

    /** The cache key of {@code folder} under the given parameters (hex SHA-256). */
    static String key(ImageFolder folder, PipelineSpec pipeline, boolean skipBadImages,
            int threads) {
        List<String> files = folder.files();
        byte[][] fileDigests = new byte[files.size()][];
        ParallelWork.forEachIndex(files.size(), threads, "sweeper-hash",
                i -> fileDigests[i] = digestOfFile(folder.resolve(files.get(i))));
        MessageDigest key = sha256();
        key.update(("sweeper tensors format " + FORMAT_VERSION + "\n" + pipeline.canonical()
                + "\nskipBadImages=" + skipBadImages + "\n").getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < files.size(); i++) {
            key.update(files.get(i).getBytes(StandardCharsets.UTF_8));
            key.update((byte) 0);
            key.update(fileDigests[i]);
        }
        return HexFormat.of().formatHex(key.digest());
    }

    /**
     * A file that cannot be read hashes to a marker of that, not to an error: whether it fails the
     * load or is skipped is the decoder's decision, and it reports it with the path.
     */
    private static byte[] digestOfFile(Path file) {
        try {
            return sha256().digest(Files.readAllBytes(file));
        } catch (IOException e) {
            return sha256().digest(("unreadable: " + e).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    Path fileFor(String key) {
        return dir.resolve(key + SUFFIX);
    }

    /**
     * The entry for {@code key}, if there is a sound one built with {@code pipeline} over
     * {@code labelMap}; a corrupt one is reported and treated as absent.
     */
    Optional<Entry> read(String key, PipelineSpec pipeline, LabelMap labelMap) {
        Path file = fileFor(key);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            log.warn("cannot read cache file {} ({}); decoding the images instead", file, e.toString());
            return Optional.empty();
        }
        try {
            Entry entry = parse(bytes);
            if (!entry.tensors().pipeline().equals(pipeline)
                    || !entry.tensors().labelMap().equals(labelMap)) {
                throw new IOException("it was built for other data or another pipeline");
            }
            return Optional.of(entry);
        } catch (IOException | RuntimeException e) {
            log.warn("cache file {} is corrupt ({}); ignoring it and rebuilding it", file,
                    e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Writes the entry atomically. A failure only costs the next load a decode, so it is a
     * warning, not an error.
     */
    void write(String key, Entry entry) {
        Path file = fileFor(key);
        Path temporary = null;
        try {
            Files.createDirectories(dir);
            temporary = Files.createTempFile(dir, key + ".", ".tmp");
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                for (ByteBuffer part : serialize(entry)) {
                    while (part.hasRemaining()) {
                        channel.write(part);
                    }
                }
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            log.warn("cannot write cache file {} ({}); the next load will decode the images again",
                    file, e.toString());
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException e) {
                    log.warn("cannot delete temporary cache file {} ({})", temporary, e.toString());
                }
            }
        }
    }

    /**
     * Layout: magic, format version, pipeline, class folders, count, height, width, paths,
     * labels, skipped files, pixels (big-endian floats), then a CRC-32C of all of it.
     */
    private static ByteBuffer[] serialize(Entry entry) throws IOException {
        ImageTensors t = entry.tensors();
        ByteArrayOutputStream headerBytes = new ByteArrayOutputStream();
        DataOutputStream header = new DataOutputStream(headerBytes);
        header.write(MAGIC);
        header.writeInt(FORMAT_VERSION);
        header.writeUTF(t.pipeline().name());
        header.writeInt(t.pipeline().imageSize());
        header.writeBoolean(t.pipeline().crop());
        header.writeDouble(t.pipeline().cropMargin());
        writeStrings(header, t.labelMap().folders());
        header.writeInt(t.count());
        header.writeInt(t.height());
        header.writeInt(t.width());
        writeStrings(header, t.paths());
        for (int label : t.labelArray()) {
            header.writeInt(label);
        }
        writeStrings(header, entry.skippedFiles());
        header.flush();
        ByteBuffer head = ByteBuffer.wrap(headerBytes.toByteArray());
        ByteBuffer pixels = ByteBuffer.allocate(t.pixelArray().length * Float.BYTES);
        pixels.asFloatBuffer().put(t.pixelArray());
        CRC32C crc = new CRC32C();
        crc.update(head.duplicate());
        crc.update(pixels.duplicate());
        ByteBuffer checksum = ByteBuffer.allocate(Long.BYTES).putLong(0, crc.getValue());
        return new ByteBuffer[] {head, pixels, checksum};
    }

    private static Entry parse(byte[] bytes) throws IOException {
        int body = bytes.length - Long.BYTES;
        if (body < MAGIC.length) {
            throw new IOException("it is " + bytes.length + " bytes long, too short");
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, body);
        if (crc.getValue() != ByteBuffer.wrap(bytes, body, Long.BYTES).getLong()) {
            throw new IOException("checksum mismatch");
        }
        ByteArrayInputStream stream = new ByteArrayInputStream(bytes, 0, body);
        DataInputStream in = new DataInputStream(stream);
        if (!Arrays.equals(in.readNBytes(MAGIC.length), MAGIC) || in.readInt() != FORMAT_VERSION) {
            throw new IOException("not a sweeper tensor file of format " + FORMAT_VERSION);
        }
        PipelineSpec pipeline = new PipelineSpec(in.readUTF(), in.readInt(), in.readBoolean(),
                in.readDouble());
        LabelMap labelMap = LabelMap.ofFolders(readStrings(in));
        int count = in.readInt();
        int height = in.readInt();
        int width = in.readInt();
        List<String> paths = readStrings(in);
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = in.readInt();
        }
        List<String> skipped = readStrings(in);
        int pixelBytes = stream.available();
        if ((long) count * height * width * Float.BYTES != pixelBytes) {
            throw new IOException(pixelBytes + " bytes of pixels for " + count + " images of "
                    + height + "x" + width);
        }
        float[] pixels = new float[count * height * width];
        ByteBuffer.wrap(bytes, body - pixelBytes, pixelBytes).asFloatBuffer().get(pixels);
        return new Entry(new ImageTensors(pipeline, labelMap, paths, labels, height, width, pixels),
                skipped);
    }

    private static void writeStrings(DataOutputStream out, List<String> strings) throws IOException {
        out.writeInt(strings.size());
        for (String s : strings) {
            out.writeUTF(s);
        }
    }

    private static List<String> readStrings(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count < 0) {
            throw new IOException("negative count " + count);
        }
        List<String> strings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            strings.add(in.readUTF());
        }
        return strings;
    }
}
