package io.sweeper.tracking;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.util.Optional;
import org.mlflow.tracking.MlflowHttpException;

/**
 * Why a write to MLflow did not go through, in one line a user can act on. Everything but
 * {@link Kind#REFUSED} is temporary as far as the outbox is concerned: the write stays pending
 * and is retried (by the sender, or by {@code sweeper sync} after the user fixed the cause).
 */
public final class TrackingFailure extends RuntimeException {
    /** What went wrong. */
    public enum Kind {
        /** Nothing answered (connection refused, unknown host, timeout). */
        UNREACHABLE,
        /** The server refused the credentials (HTTP 401/403). */
        CREDENTIALS,
        /** The server failed (HTTP 5xx or 429, or an answer that is not MLflow's). */
        SERVER_ERROR,
        /** The server refused this one write for good (another HTTP 4xx): retrying cannot help. */
        REFUSED
    }

    private final Kind kind;

    TrackingFailure(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** True when retrying later may succeed. */
    public boolean temporary() {
        return kind != Kind.REFUSED;
    }

    /** Classifies what the MLflow client or the artifact upload threw, naming the server. */
    static TrackingFailure of(RuntimeException e, TrackingServer server) {
        if (e instanceof TrackingFailure failure) {
            return failure;
        }
        if (e instanceof MlflowHttpException http) {
            return ofStatus(http.getStatusCode(), Optional.ofNullable(http.getBodyMessage()), server);
        }
        Optional<IOException> io = ioCause(e);
        if (io.isPresent()) {
            return unreachable(io.get(), server);
        }
        return new TrackingFailure(Kind.SERVER_ERROR, "MLflow at " + server.url() + " gave an answer sweeper cannot read ("
                + firstLine(String.valueOf(e.getMessage())) + "): is it an MLflow tracking server?");
    }

    static TrackingFailure unreachable(IOException e, TrackingServer server) {
        String why = e instanceof HttpTimeoutException ? "timed out"
                : e instanceof java.net.ConnectException ? "connection refused"
                : e instanceof java.net.UnknownHostException ? "unknown host"
                : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage()));
        return new TrackingFailure(Kind.UNREACHABLE, "MLflow at " + server.url() + " is unreachable (" + why + ")");
    }

    static TrackingFailure ofStatus(int status, Optional<String> body, TrackingServer server) {
        String where = "MLflow at " + server.url();
        if (status == 401 || status == 403) {
            return new TrackingFailure(Kind.CREDENTIALS, where + " refused the credentials (HTTP " + status + "): set "
                    + TrackingServer.TOKEN_VARIABLE + ", or " + TrackingServer.USERNAME_VARIABLE + " and "
                    + TrackingServer.PASSWORD_VARIABLE + ", to valid ones");
        }
        String detail = body.map(TrackingFailure::firstLine).filter(s -> !s.isBlank()).map(s -> ": " + clip(s)).orElse("");
        if (status >= 500 || status == 429) {
            return new TrackingFailure(Kind.SERVER_ERROR, where + " answered HTTP " + status + detail);
        }
        return new TrackingFailure(Kind.REFUSED, where + " refused a write (HTTP " + status + ")" + detail);
    }

    private static Optional<IOException> ioCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            // protobuf's parse error is an IOException too, but it means a reply came: not an outage
            if (t instanceof IOException io && !io.getClass().getName().contains(".protobuf.")) {
                return Optional.of(io);
            }
        }
        return Optional.empty();
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse("").strip();
    }

    private static String clip(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
