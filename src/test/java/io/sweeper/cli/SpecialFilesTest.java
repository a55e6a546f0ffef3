package io.sweeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sweep and trial configuration files that are not regular files — a device, a named pipe,
 * standard input — read by the real command line in a process of its own (a small heap, as an
 * OutOfMemoryError there must not take the test JVM with it): too long ones are refused in one
 * line with exit code 2, a short pipe still works.
 */
class SpecialFilesTest {
    private static final byte[] ENDLESS_LINE = "x: 1\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void aDeviceIsRefusedAsTooLong() throws Exception {
        assertRefused(run(null, "validate", "/dev/zero"), "/dev/zero: not a regular file and longer than 4194304 bytes");
        assertRefused(run(null, "train", "--config", "/dev/zero", "--out", dir.resolve("out").toString()),
                "/dev/zero: not a regular file and longer than 1048576 bytes");
    }

    @Test
    void anEndlessNamedPipeIsRefusedAsTooLong() throws Exception {
        Path fifo = dir.resolve("sweep.yaml");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0).as("mkfifo").isTrue();
        Thread writer = endlessWriter(() -> {
            try {
                return Files.newOutputStream(fifo); // blocks until sweeper opens the pipe to read
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        assertRefused(run(null, "validate", fifo.toString()), fifo + ": not a regular file and longer than 4194304 bytes");
        writer.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(writer.isAlive()).as("the writer saw the pipe closed").isFalse();
    }

    @Test
    void endlessStandardInputIsRefusedAsTooLong() throws Exception {
        // yes 'x: 1' | sweeper validate /dev/stdin
        assertRefused(run(ENDLESS_LINE, "validate", "/dev/stdin"),
                "/dev/stdin: not a regular file and longer than 4194304 bytes");
    }

    @Test
    void aShortPipeIsReadLikeAFile() throws Exception {
        byte[] sweep = """
                program: train
                method: grid
                metric: {name: val_loss, goal: minimize}
                parameters:
                  dropout: {values: [0.1, 0.2]}
                """.getBytes(StandardCharsets.UTF_8);
        Result result = run(sweep, "validate", "/dev/stdin");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("dropout", "valid");
    }

    private static void assertRefused(Result result, String message) {
        assertThat(result.exitCode()).as(result.err()).isEqualTo(Main.USER_ERROR);
        List<String> lines = result.err().lines().toList();
        assertThat(lines).as("one line, no stack trace: " + result.err()).hasSize(1);
        assertThat(lines.get(0)).startsWith("sweeper: " + message);
    }

    private record Result(int exitCode, String out, String err) {
    }

    /**
     * Runs sweeper with {@code input} on its standard input: those bytes then end of input, or, when
     * {@code input} is {@link #ENDLESS_LINE}, that line over and over until sweeper stops reading.
     */
    private Result run(byte[] input, String... args) throws Exception {
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process process = SweeperProcess.builder(dir, args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        Thread writer = null;
        if (input == ENDLESS_LINE) {
            writer = endlessWriter(process::getOutputStream);
        } else {
            try (OutputStream stdin = process.getOutputStream()) {
                if (input != null) {
                    stdin.write(input);
                }
            }
        }
        boolean ended = process.waitFor(90, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        assertThat(ended).as("sweeper " + String.join(" ", args) + " ended in time").isTrue();
        if (writer != null) {
            writer.join(TimeUnit.SECONDS.toMillis(30));
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** A daemon thread writing {@code x: 1} lines into the stream until its reader goes away. */
    private static Thread endlessWriter(Supplier<OutputStream> target) {
        Thread writer = new Thread(() -> {
            byte[] block = new byte[ENDLESS_LINE.length * 1024];
            for (int i = 0; i < block.length; i += ENDLESS_LINE.length) {
                System.arraycopy(ENDLESS_LINE, 0, block, i, ENDLESS_LINE.length);
            }
            try (OutputStream stream = target.get()) {
                while (true) {
                    stream.write(block);
                }
            } catch (IOException e) {
                // the reader closed the pipe: what this writer waits for
            }
        }, "endless-writer");
        writer.setDaemon(true);
        writer.start();
        return writer;
    }
}
