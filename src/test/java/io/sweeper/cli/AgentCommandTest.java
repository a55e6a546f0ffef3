package io.sweeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sweeper.store.JdbcUrls;
import io.sweeper.store.Store;
import io.sweeper.store.SweepState;
import io.sweeper.store.TestDatabase;
import io.sweeper.sweep.Goal;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `sweeper agent` given what a user gets wrong: one line saying what and where, a non-zero exit,
 * no password printed, nothing written. Against a real H2 file, and PostgreSQL when configured.
 */
class AgentCommandTest {
    private static final String SWEEP = """
            name: joined
            method: grid
            metric: {name: score, goal: maximize}
            command: [bash, -c, "echo '{\\"score\\": 1}'"]
            parameters:
              x: {values: [1, 2]}
            """;

    @TempDir
    Path dir;

    private String h2() {
        return "jdbc:h2:file:" + dir.resolve("db");
    }

    private long storedSweep(String url) {
        try (Store store = Store.open(url)) {
            return store.createSweep("joined", SWEEP, "grid", "score", Goal.MAXIMIZE);
        }
    }

    @Test
    void anUnknownSweepIsOneLineAndNothingIsWritten() {
        long id = storedSweep(h2());
        CliRun run = CliRun.of("agent", "4242", "--db", h2());
        assertThat(run.exitCode()).isEqualTo(Main.USER_ERROR);
        assertThat(run.userError()).isEqualTo("sweeper: no sweep '4242' in " + h2() + ": `sweeper ls` lists them");
        assertThat(run.hasStackTrace()).isFalse();
        try (Store store = Store.open(h2())) {
            assertThat(store.listSweeps()).hasSize(1);
            assertThat(store.events(id)).hasSize(1); // created, nothing since
        }
    }

    @Test
    void anAgentJoiningByNameRunsTheStoredSweepToItsEnd() {
        long id = storedSweep(h2());
        CliRun run = CliRun.of("agent", "joined", "--db", h2(), "--workers", "1", "--runs", dir.resolve("runs").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        try (Store store = Store.open(h2())) {
            assertThat(store.findSweep(Long.toString(id)).state()).isEqualTo(SweepState.FINISHED);
            assertThat(store.trials(id)).hasSize(2);
        }
        CliRun again = CliRun.of("agent", Long.toString(id), "--db", h2());
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("sweep " + id + " (joined) is finished: nothing to run");
    }

    @Test
    void theSweepFilesWorkersApplyUnlessTheCommandLineSaysOtherwise() {
        try (Store store = Store.open(h2())) {
            store.createSweep("joined", SWEEP + "workers: 1\n", "grid", "score", Goal.MAXIMIZE);
        }
        String cores = Integer.toString(Runtime.getRuntime().availableProcessors());
        CliRun fromFile = CliRun.of("agent", "joined", "--db", h2(), "--runs", dir.resolve("runs").toString());
        assertThat(fromFile.exitCode()).as(fromFile.err()).isZero();
        assertThat(fromFile.out()).contains("1 worker(s) × " + cores + " thread(s)");

        try (Store store = Store.open(h2())) {
            store.createSweep("joined", SWEEP + "workers: 1\n", "grid", "score", Goal.MAXIMIZE);
        }
        CliRun overridden = CliRun.of("agent", "joined", "--db", h2(), "--workers", cores, "--runs", dir.resolve("runs").toString());
        assertThat(overridden.exitCode()).as(overridden.err()).isZero();
        assertThat(overridden.out()).contains(cores + " worker(s) × 1 thread(s)");
    }

    @Test
    void aMaxAttemptsBelowOneIsOneLine() {
        storedSweep(h2());
        CliRun run = CliRun.of("agent", "joined", "--db", h2(), "--max-attempts", "0");
        assertThat(run.exitCode()).isEqualTo(Main.USER_ERROR);
        assertThat(run.userError()).isEqualTo("sweeper: --lease and --max-attempts must be at least 1, got 60 and 0");
    }

    @Test
    void anUnreachableServerIsOneLineWithoutThePassword() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/sweeps?user=ana&password=s3cret&connectTimeout=5";
        CliRun run = CliRun.of("agent", "1", "--db", url);
        assertThat(run.exitCode()).isEqualTo(Main.USER_ERROR);
        assertThat(run.userError()).startsWith("sweeper: cannot reach PostgreSQL at " + JdbcUrls.mask(url));
        assertThat(run.out() + run.err()).doesNotContain("s3cret");
        assertThat(run.hasStackTrace()).isFalse();
    }

    @Test
    void aWrongPasswordIsOneLineWithoutIt() {
        try (TestDatabase db = TestDatabase.postgres()) {
            String wrong = db.url().replaceAll("password=[^&]*", "password=not-the-password");
            CliRun run = CliRun.of("agent", "1", "--db", wrong);
            assertThat(run.exitCode()).isEqualTo(Main.USER_ERROR);
            assertThat(run.userError()).startsWith("sweeper: PostgreSQL refused the login at " + JdbcUrls.mask(wrong));
            assertThat(run.out() + run.err()).doesNotContain("not-the-password");
        }
    }

    @Test
    void aSchemaFromANewerSweeperIsRefusedAndLeftAsItIs() throws Exception {
        try (TestDatabase db = TestDatabase.postgres()) {
            long id = storedSweep(db.url());
            Path future = Files.createDirectories(dir.resolve("future"));
            Files.writeString(future.resolve("V99__from_a_newer_sweeper.sql"), "CREATE TABLE later_feature (id INTEGER);\n");
            Flyway newer = Flyway.configure().loggers("slf4j").dataSource(db.url(), null, null)
                    .locations("classpath:db/migration", "filesystem:" + future).load();
            newer.migrate();
            int applied = newer.info().applied().length;

            CliRun run = CliRun.of("agent", Long.toString(id), "--db", db.url());
            assertThat(run.exitCode()).isEqualTo(Main.USER_ERROR);
            assertThat(run.userError()).startsWith("sweeper: database schema version 99 is newer than this sweeper (")
                    .endsWith(") in " + JdbcUrls.mask(db.url()) + ": upgrade sweeper");
            Matcher password = Pattern.compile("password=([^&]+)").matcher(db.url());
            if (password.find()) {
                assertThat(run.out() + run.err()).doesNotContain(password.group(1));
            }
            assertThat(newer.info().applied()).hasSize(applied);
        }
    }
}
