package io.sweeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sweeper.store.Store;
import io.sweeper.store.TrialOutcome;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code ls}, {@code show}, {@code best} and {@code query} open the store read-only: they never
 * create, migrate or write to it, so a mistyped path is an error, a damaged H2 file stays as it
 * is, and a store with another schema gets one line.
 */
class ReadOnlyCommandsTest {
    @TempDir
    Path dir;

    private static final Map<String, Object> POINT = Map.of("model", "lenet", "activation", "mish", "dropout", 0.4, "epochs", 3);

    /** A store at {@code base} (H2 file {@code base.mv.db}) with one sweep of three trials, two ended. */
    static long fill(String url) {
        try (Store store = Store.open(url)) {
            StoredSweeps sweep = StoredSweeps.create(store, "train/quick-grid.yaml");
            for (int number = 1; number <= 3; number++) {
                sweep.queue(number, POINT);
            }
            sweep.run(TrialOutcome.finished(), 0.5, 0.7).run(TrialOutcome.finished(), 0.8, 0.85);
            return sweep.id();
        }
    }

    /** Each read-only command on sweep {@code id}. */
    static List<List<String>> readers(long id) {
        return List.of(List.of("ls"), List.of("show", Long.toString(id)), List.of("best", Long.toString(id)),
                List.of("query", "SELECT number FROM trial ORDER BY number"));
    }

    static CliRun sweeper(List<String> args, String url) {
        return CliRun.of(Stream.concat(args.stream(), Stream.of("--db", url)).toArray(String[]::new));
    }

    @Test
    void aMistypedStorePathIsAnErrorAndCreatesNothing() {
        Path typo = dir.resolve("tpyo").resolve("db");
        for (List<String> command : readers(1)) {
            CliRun run = sweeper(command, "jdbc:h2:file:" + typo);
            assertThat(run.exitCode()).as(command.toString()).isEqualTo(Main.USER_ERROR);
            assertThat(run.userError()).isEqualTo("sweeper: no store at file " + typo + ".mv.db: `sweeper run` creates one (check --db)");
            assertThat(run.hasStackTrace()).isFalse();
        }
        assertThat(dir.resolve("tpyo")).doesNotExist();
    }

    @Test
    void aDamagedFileIsNeverWrittenToAndTheMessageAdvisesARestore() throws IOException {
        String url = "jdbc:h2:file:" + dir.resolve("db");
        long id = fill(url);
        Path file = dir.resolve("db.mv.db");
        // garble both of H2's file headers (blocks 0 and 1, 4 KiB each): every read of the file starts there
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(0);
            raf.write(new byte[8192]);
        }
        byte[] damaged = Files.readAllBytes(file);
        for (List<String> command : readers(id)) {
            CliRun run = sweeper(command, url);
            assertThat(run.exitCode()).as(command.toString()).isEqualTo(Main.USER_ERROR);
            assertThat(run.userError()).startsWith("sweeper: database file " + file + " is damaged").contains("restore it from a backup");
            assertThat(run.hasStackTrace()).isFalse();
            assertThat(Files.readAllBytes(file)).as("the file after " + command).isEqualTo(damaged);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).as("nothing written beside it").containsExactly(file);
        }
    }

    /**
     * The last write cut off (a crash, a full disk): a writer's open would roll the file back to
     * its last complete commit and write that down (old `show` did, exit 0); a reader reads that
     * commit and leaves the file as it is, for a writer or a backup to deal with.
     */
    @ParameterizedTest
    @ValueSource(strings = {"garbled", "truncated", "truncated, and the URL asks for read-write"})
    void aFileWhoseLastWriteWasCutOffIsReadButNeverWritten(String damage) throws IOException {
        long id = fill("jdbc:h2:file:" + dir.resolve("db"));
        String url = "jdbc:h2:file:" + dir.resolve("db") + (damage.contains("read-write") ? ";ACCESS_MODE_DATA=rw" : "");
        Path file = dir.resolve("db.mv.db");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            if (damage.startsWith("truncated")) {
                raf.setLength(raf.length() - 1000);
            } else {
                byte[] noise = new byte[4096];
                new Random(1).nextBytes(noise);
                raf.seek(raf.length() - noise.length);
                raf.write(noise);
            }
        }
        byte[] damaged = Files.readAllBytes(file);
        for (List<String> command : readers(id)) {
            CliRun run = sweeper(command, url);
            assertThat(run.exitCode()).as(command + ": " + run.err()).isZero();
            assertThat(Files.readAllBytes(file)).as("the file after " + command).isEqualTo(damaged);
        }
    }

    @Test
    void aStoreWithAnOlderOrNewerSchemaGetsOneLineAndStaysAsItIs() throws SQLException, IOException {
        String url = "jdbc:h2:file:" + dir.resolve("db");
        long id = fill(url);
        Path file = dir.resolve("db.mv.db");

        // the newest versioned migration, whichever it is, becomes a version this sweeper does not have
        execute(url, "UPDATE \"flyway_schema_history\" SET \"version\" = '99' WHERE \"installed_rank\" = (SELECT"
                + " MAX(\"installed_rank\") FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL)");
        byte[] newer = Files.readAllBytes(file);
        for (List<String> command : readers(id)) {
            CliRun run = sweeper(command, url);
            assertThat(run.exitCode()).as(command.toString()).isEqualTo(Main.USER_ERROR);
            assertThat(run.userError()).startsWith("sweeper: database schema version 99 is newer than this sweeper");
            assertThat(Files.readAllBytes(file)).isEqualTo(newer);
        }

        execute(url, "DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '99'");
        byte[] older = Files.readAllBytes(file);
        for (List<String> command : readers(id)) {
            CliRun run = sweeper(command, url);
            assertThat(run.exitCode()).as(command.toString()).isEqualTo(Main.USER_ERROR);
            assertThat(run.userError()).startsWith("sweeper: the store at " + url + " has an older schema than this sweeper")
                    .contains("upgrades it");
            assertThat(Files.readAllBytes(file)).isEqualTo(older);
        }
    }

    /**
     * A store on a real full file system: a small tmpfs (mounting needs root, which CI has; the
     * test is skipped elsewhere), the store copied in, the rest filled. Reading writes nothing, so
     * every read-only command works.
     */
    @Test
    void readOnlyCommandsWorkOnAStoreWhoseDiskIsFull() throws Exception {
        long id = fill("jdbc:h2:file:" + dir.resolve("db"));
        Path disk = Files.createDirectory(dir.resolve("disk"));
        Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", disk.toString()) == 0,
                "mounting a small tmpfs needs root");
        try {
            Files.copy(dir.resolve("db.mv.db"), disk.resolve("db.mv.db"));
            fillUp(disk.resolve("filler"));
            assertThat(Files.getFileStore(disk).getUsableSpace()).as("free bytes").isLessThan(4096);
            byte[] before = Files.readAllBytes(disk.resolve("db.mv.db"));

            String url = "jdbc:h2:file:" + disk.resolve("db");
            for (List<String> command : readers(id)) {
                CliRun run = sweeper(command, url);
                assertThat(run.exitCode()).as(command + ": " + run.err()).isZero();
                assertThat(run.out()).as(command.toString()).contains(command.get(0).equals("query") ? "3" : "quick-grid");
            }
            assertThat(Files.readAllBytes(disk.resolve("db.mv.db"))).isEqualTo(before);
        } finally {
            assertThat(run("umount", disk.toString())).isZero();
        }
    }

    private static void fillUp(Path filler) throws IOException {
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException e) {
            if (!String.valueOf(e.getMessage()).contains("No space left on device")) {
                throw e;
            }
        }
    }

    private static int run(String... command) throws IOException, InterruptedException {
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start().waitFor();
    }

    /** A store made before the query reader's password was random: reading works, `query` says what to do. */
    @Test
    void aStoreWithTheOldQueryReaderIsReadAndQueryNamesTheUpgrade() throws SQLException {
        String url = "jdbc:h2:file:" + dir.resolve("db");
        long id = fill(url);
        execute(url, "DROP SCHEMA sweeper_private CASCADE");
        execute(url, "UPDATE \"flyway_schema_history\" SET \"checksum\" = 1 WHERE \"version\" IS NULL");
        for (List<String> command : readers(id)) {
            CliRun run = sweeper(command, url);
            if (command.get(0).equals("query")) {
                assertThat(run.exitCode()).isEqualTo(Main.USER_ERROR);
                assertThat(run.userError()).isEqualTo("sweeper: the store at " + url + " has no query reader yet: "
                        + "a command that writes to it (`sweeper run`, `resume`, `agent` or `sync`) sets one up");
            } else {
                assertThat(run.exitCode()).as(command + ": " + run.err()).isZero();
            }
        }
        Store.open(url).close(); // a writer reruns the changed migration
        assertThat(sweeper(readers(id).get(3), url).exitCode()).isZero();
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url + ";NON_KEYWORDS=VALUE");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
