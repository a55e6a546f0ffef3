package io.sweeper.tracking;

import io.sweeper.SweeperException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.mlflow.tracking.creds.BasicMlflowHostCreds;

/**
 * An MLflow tracking server and the credentials to use with it, as MLflow's own clients take them
 * from the environment: {@code MLFLOW_TRACKING_TOKEN} (a bearer token), else
 * {@code MLFLOW_TRACKING_USERNAME} and {@code MLFLOW_TRACKING_PASSWORD} (basic auth). The Java
 * client reads neither for an http(s) URI, so they are read here. {@link #toString()} and
 * {@link #url()} never show them.
 */
public final class TrackingServer {
    public static final String URI_VARIABLE = "MLFLOW_TRACKING_URI";
    static final String TOKEN_VARIABLE = "MLFLOW_TRACKING_TOKEN";
    static final String USERNAME_VARIABLE = "MLFLOW_TRACKING_USERNAME";
    static final String PASSWORD_VARIABLE = "MLFLOW_TRACKING_PASSWORD";

    private final URI url;
    private final Optional<String> token;
    private final Optional<String> username;
    private final Optional<String> password;

    private TrackingServer(URI url, Optional<String> token, Optional<String> username, Optional<String> password) {
        this.url = url;
        this.token = token;
        this.username = username;
        this.password = password;
    }

    /**
     * The server {@code option} (e.g. {@code --mlflow}) names, else {@code MLFLOW_TRACKING_URI};
     * empty when neither is set. A URL that is not http(s), or that holds credentials, is refused
     * with one line: the URL is recorded in the store, credentials must stay out of it.
     */
    public static Optional<TrackingServer> resolve(Optional<String> option, Map<String, String> environment) {
        return option.filter(s -> !s.isBlank())
                .or(() -> Optional.ofNullable(environment.get(URI_VARIABLE)).filter(s -> !s.isBlank()))
                .map(url -> at(url, environment));
    }

    /** The server at {@code url}, with the environment's credentials. */
    public static TrackingServer at(String url, Map<String, String> environment) {
        URI uri;
        try {
            uri = new URI(url.strip().replaceAll("/+$", ""));
        } catch (URISyntaxException e) {
            throw new SweeperException("MLflow tracking URI '" + url + "' is not a URL (" + e.getReason()
                    + "): give one like http://127.0.0.1:5055");
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new SweeperException("MLflow tracking URI '" + url + "' is not an http(s) URL of a tracking server:"
                    + " give one like http://127.0.0.1:5055 (start one with scripts/mlflow-server start)");
        }
        if (uri.getUserInfo() != null) {
            throw new SweeperException("MLflow tracking URI must not hold credentials (they would be stored with the sweep):"
                    + " put them in " + USERNAME_VARIABLE + "/" + PASSWORD_VARIABLE + " or " + TOKEN_VARIABLE);
        }
        return new TrackingServer(uri, variable(environment, TOKEN_VARIABLE), variable(environment, USERNAME_VARIABLE),
                variable(environment, PASSWORD_VARIABLE));
    }

    private static Optional<String> variable(Map<String, String> environment, String name) {
        return Optional.ofNullable(environment.get(name)).filter(s -> !s.isEmpty());
    }

    /** The server's URL, without credentials: what the store records and messages show. */
    public String url() {
        return url.toString();
    }

    URI uri() {
        return url;
    }

    /** Credentials for MLflow's Java client. */
    BasicMlflowHostCreds hostCreds() {
        if (token.isPresent()) {
            return new BasicMlflowHostCreds(url(), token.get());
        }
        return new BasicMlflowHostCreds(url(), username.orElse(null), password.orElse(null));
    }

    /** The Authorization header the Java client would send, for the artifact uploads made beside it. */
    Optional<String> authorization() {
        if (token.isPresent()) {
            return Optional.of("Bearer " + token.get());
        }
        if (username.isPresent() && password.isPresent()) {
            String pair = username.get() + ":" + password.get();
            return Optional.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        return Optional.empty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrackingServer other && url.equals(other.url) && token.equals(other.token)
                && username.equals(other.username) && password.equals(other.password);
    }

    @Override
    public int hashCode() {
        return Objects.hash(url, token, username, password);
    }

    @Override
    public String toString() {
        return url();
    }
}
