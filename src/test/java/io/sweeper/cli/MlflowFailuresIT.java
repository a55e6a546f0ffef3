package io.sweeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tracking servers that cannot take the writes: nothing listening, a server failing with HTTP 500,
 * one refusing the credentials (HTTP 401). Each time the sweep runs to its end with everything in
 * the store, the user reads one clear line, and `sync` fails with one line and a non-zero exit.
 * The faulty servers are tiny real HTTP servers, not stand-ins for MLflow.
 */
class MlflowFailuresIT {
    private static final String TOKEN = "s3cret-token-4711";

    @TempDir
    Path dir;

    private HttpServer faulty;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopFaultyServer() {
        if (faulty != null) {
            faulty.stop(0);
        }
    }

    @Test
    void nothingListeningLeavesTheSweepIntactAndSaysSoOnce() throws Exception {
        String url = "http://127.0.0.1:" + freePort();

        CliRun run = runSweep(url);

        assertSweepRecordedAndPending(run, url + " is unreachable (connection refused)");
        CliRun sync = CliRun.of("sync", "1", "--db", db());
        assertThat(sync.exitCode()).isEqualTo(Main.USER_ERROR);
        assertThat(sync.userError()).isEqualTo("sweeper: MLflow at " + url + " is unreachable (connection refused): "
                + pending() + " MLflow write(s) of sweep 1 still pending; fix that and run `sweeper sync 1` again");
    }

    @Test
    void aServerFailingWithHttp500LeavesTheSweepIntact() throws Exception {
        String url = startFaultyServer(500, "{\"error_code\": \"INTERNAL_ERROR\", \"message\": \"disk full\"}");

        CliRun run = runSweep(url);

        assertSweepRecordedAndPending(run, "MLflow at " + url + " answered HTTP 500");
        CliRun sync = CliRun.of("sync", "--db", db());
        assertThat(sync.exitCode()).isEqualTo(Main.USER_ERROR);
        assertThat(sync.userError()).startsWith("sweeper: MLflow at " + url + " answered HTTP 500").contains("still pending");
        assertThat(sync.hasStackTrace()).isFalse();
    }

    @Test
    void refusedCredentialsAreNamedAndTheTokenIsNeverShown() throws Exception {
        String url = startFaultyServer(401, "{\"error_code\": \"UNAUTHENTICATED\", \"message\": \"bad token\"}");
        CliRun run = runSweep(url);
        assertSweepRecordedAndPending(run, "MLflow at " + url + " refused the credentials (HTTP 401)");

        // sync in a process of its own, to give it the token through the environment as a user does
        ProcessBuilder sync = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "sync", "1", "--db", db())
                .redirectErrorStream(true);
        sync.environment().put("MLFLOW_TRACKING_TOKEN", TOKEN);
        Process p = sync.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(p.waitFor()).isEqualTo(Main.USER_ERROR);
        assertThat(output.strip()).startsWith("sweeper: MLflow at " + url + " refused the credentials (HTTP 401): set MLFLOW_TRACKING_TOKEN")
                .doesNotContain(TOKEN).doesNotContain("\tat ");
        assertThat(output.strip().lines()).hasSize(1);
        assertThat(authorizations).as("the token was sent").contains("Bearer " + TOKEN);
    }

    private CliRun runSweep(String url) throws Exception {
        Path sweep = SyntheticTrainer.sweep(dir, "faulty", "[1, 2]", 3, 0);
        return CliRun.of("run", sweep.toString(), "--db", db(), "--workers", "1", "--runs", dir.resolve("runs").toString(),
                "--mlflow", url);
    }

    /** The sweep finished in the store as without MLflow; one line said what was wrong; `show` counts the backlog. */
    private void assertSweepRecordedAndPending(CliRun run, String problem) {
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.hasStackTrace()).isFalse();
        List<String> notices = run.err().lines().filter(l -> l.contains("MLflow")).toList();
        assertThat(notices).as(run.err()).hasSize(1);
        assertThat(notices.get(0)).contains(problem).contains("`sweeper sync 1` delivers them later");
        assertThat(run.out()).contains("best: trial 1, score 6.0000 at epoch 3")
                .containsPattern("MLflow: \\d+ write\\(s\\) pending; run `sweeper sync 1`");
        CliRun show = CliRun.of("show", "1", "--db", db());
        assertThat(show.out().lines().filter(l -> l.contains("finished"))).hasSizeGreaterThanOrEqualTo(2);
        assertThat(show.out()).contains("MLflow: " + pending() + " write(s) pending; run `sweeper sync 1`");
        assertThat(pending()).isGreaterThan(10);
    }

    private int pending() {
        CliRun query = CliRun.of("query", "--db", db(), "select count(*) as n from mlflow_outbox where delivered_at is null");
        return query.out().lines().map(String::strip).filter(l -> l.matches("\\d+")).map(Integer::parseInt).findFirst()
                .orElseThrow(() -> new AssertionError(query.out() + query.err()));
    }

    private String db() {
        return "jdbc:h2:file:" + dir.resolve("db");
    }

    private String startFaultyServer(int status, String body) throws Exception {
        faulty = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        faulty.createContext("/", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        faulty.start();
        return "http://127.0.0.1:" + faulty.getAddress().getPort();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
