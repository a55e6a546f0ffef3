package io.sweeper.tracking;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLConnection;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Uploads files to a run through the tracking server's artifact proxy ({@code mlflow server
 * --serve-artifacts}, the default since MLflow 2.0): an HTTP PUT of each file to
 * {@code <server>/api/2.0/mlflow-artifacts/artifacts/<run's artifact path>/<path>}, as MLflow's
 * own HttpArtifactRepository does. So the client needs neither Python (which MLflow's Java
 * client shells out to for artifacts) nor credentials for the storage behind the server.
 * Uploading the same file again overwrites it, so a retried delivery is harmless.
 */
final class ArtifactUpload {
    private static final String PROXY_SCHEME = "mlflow-artifacts";
    private static final String PROXY_PATH = "/api/2.0/mlflow-artifacts/artifacts";

    private final TrackingServer server;
    private final HttpClient http;
    private final Duration timeout;

    ArtifactUpload(TrackingServer server, Duration timeout) {
        this.server = server;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /**
     * Uploads {@code source} (a file, or every file under a folder, keeping their relative paths)
     * into {@code artifactDir} of the run whose artifact URI is {@code runArtifactUri}. Returns the
     * artifact paths written.
     */
    List<String> upload(String runArtifactUri, Path source, String artifactDir) {
        String runPath = proxiedPath(runArtifactUri);
        List<String> written = new ArrayList<>();
        for (Path file : files(source)) {
            String relative = Files.isDirectory(source)
                    ? source.relativize(file).toString().replace('\\', '/')
                    : file.getFileName().toString();
            String artifactPath = artifactDir.isEmpty() ? relative : artifactDir + "/" + relative;
            put(runPath, artifactPath, file);
            written.add(artifactPath);
        }
        return written;
    }

    /** Uploads {@code text} as the file {@code artifactPath} of the run. */
    void uploadText(String runArtifactUri, String artifactPath, String text) {
        put(proxiedPath(runArtifactUri), artifactPath, "text/plain; charset=utf-8",
                HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
    }

    private void put(String runPath, String artifactPath, Path file) {
        HttpRequest.BodyPublisher body;
        try {
            body = HttpRequest.BodyPublishers.ofFile(file);
        } catch (FileNotFoundException e) {
            throw new TrackingFailure(TrackingFailure.Kind.REFUSED, "file " + file + " is gone: not uploaded");
        }
        put(runPath, artifactPath, contentType(file), body);
    }

    private void put(String runPath, String artifactPath, String contentType, HttpRequest.BodyPublisher body) {
        URI target = URI.create(server.url() + PROXY_PATH + ("/" + runPath + "/" + artifactPath).replaceAll("/+", "/"));
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(timeout)
                .header("Content-Type", contentType);
        server.authorization().ifPresent(value -> request.header("Authorization", value));
        HttpResponse<String> response;
        try {
            response = http.send(request.PUT(body).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw TrackingFailure.unreachable(e, server);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TrackingFailure(TrackingFailure.Kind.UNREACHABLE, "upload to MLflow at " + server.url() + " interrupted");
        }
        if (response.statusCode() / 100 != 2) {
            throw TrackingFailure.ofStatus(response.statusCode(), Optional.of(response.body()), server);
        }
    }

    /** The run's folder behind the proxy: the path of its {@code mlflow-artifacts:/…} URI. */
    private String proxiedPath(String runArtifactUri) {
        URI root = URI.create(runArtifactUri);
        if (!PROXY_SCHEME.equals(root.getScheme())) {
            throw new TrackingFailure(TrackingFailure.Kind.REFUSED, "MLflow at " + server.url()
                    + " does not proxy artifacts (run artifact root " + runArtifactUri
                    + "): start it with --serve-artifacts and --artifacts-destination");
        }
        return root.getPath();
    }

    private static String contentType(Path file) {
        return Optional.ofNullable(URLConnection.guessContentTypeFromName(file.getFileName().toString()))
                .orElse("application/octet-stream");
    }

    /** The regular files at {@code source}, sorted so uploads happen in a stable order. */
    private static List<Path> files(Path source) {
        if (!Files.isDirectory(source)) {
            return List.of(source);
        }
        try (Stream<Path> walk = Files.walk(source)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
