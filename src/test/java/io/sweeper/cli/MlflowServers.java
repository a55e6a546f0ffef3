package io.sweeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Assumptions;

/**
 * The real MLflow tracking servers the tracking tests talk to: the one scripts/test starts
 * ({@code SWEEPER_TEST_MLFLOW_URL}), servers a test starts and stops itself with
 * scripts/mlflow-server, and MLflow's own Python client (in the script's virtualenv) to see what
 * a server holds.
 */
final class MlflowServers {
    static final String URL_VARIABLE = "SWEEPER_TEST_MLFLOW_URL";
    static final String PYTHON_VARIABLE = "SWEEPER_TEST_MLFLOW_PYTHON";
    private static final ObjectMapper JSON = new ObjectMapper();

    private MlflowServers() {
    }

    /** The shared test server; the test is skipped (not passed) without one. */
    static String sharedUrl() {
        Optional<String> url = setting(URL_VARIABLE);
        Assumptions.assumeTrue(url.isPresent(), URL_VARIABLE + " is not set (scripts/test sets it)");
        return url.get();
    }

    private static Optional<String> setting(String name) {
        return Optional.ofNullable(System.getProperty(name)).or(() -> Optional.ofNullable(System.getenv(name)))
                .filter(s -> !s.isBlank());
    }

    private static String python() {
        return setting(PYTHON_VARIABLE).orElse(System.getProperty("user.home") + "/.sweeper/mlflow-venv-2.17.2/bin/python");
    }

    /** What MLflow's Python client finds for the experiment: {experiment_id, runs: [{name, status, params, tags, metrics, artifacts}]}. */
    static JsonNode inspect(String url, String experiment) throws Exception {
        Path script = resource("mlflow/inspect_sweep.py");
        Process p = new ProcessBuilder(python(), script.toString(), url, experiment).redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("inspect_sweep.py: " + err).isZero();
        return JSON.readTree(out);
    }

    static List<JsonNode> runs(JsonNode inspected) {
        return StreamSupport.stream(inspected.get("runs").spliterator(), false).toList();
    }

    static JsonNode parentRun(JsonNode inspected) {
        List<JsonNode> parents = runs(inspected).stream().filter(r -> !r.get("tags").has("mlflow.parentRunId")).toList();
        assertThat(parents).as("parent runs").hasSize(1);
        return parents.get(0);
    }

    static List<JsonNode> childRuns(JsonNode inspected) {
        return runs(inspected).stream().filter(r -> r.get("tags").has("mlflow.parentRunId")).toList();
    }

    /** A server of the test's own (to stop and start again), keeping its data in {@code dir}. */
    static final class OwnServer {
        final Path dir;
        final int port;

        OwnServer(Path dir, int port) {
            this.dir = dir;
            this.port = port;
        }

        String url() {
            return "http://127.0.0.1:" + port;
        }

        void start() throws Exception {
            script("start");
        }

        void stop() throws Exception {
            script("stop");
        }

        private void script(String command) throws Exception {
            List<String> argv = new ArrayList<>(List.of("bash", Path.of("scripts", "mlflow-server").toAbsolutePath().toString(),
                    command, dir.toString()));
            ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true);
            builder.environment().put("MLFLOW_PORT", Integer.toString(port));
            Process p = builder.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor()).as("scripts/mlflow-server " + command + ": " + out).isZero();
        }
    }

    private static Path resource(String name) throws URISyntaxException, IOException {
        Path path = Path.of(MlflowServers.class.getClassLoader().getResource(name).toURI());
        assertThat(Files.exists(path)).isTrue();
        return path;
    }
}
