package io.sweeper.cli;

import io.sweeper.store.MirroredSweep;
import io.sweeper.tracking.TrackingServer;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Which MLflow tracking server to mirror to: {@code --mlflow URL}; for a new sweep else
 * {@code MLFLOW_TRACKING_URI}; for a mirrored sweep else the server it was created with.
 * Credentials always come from the environment (MLFLOW_TRACKING_TOKEN, or
 * MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD), never from a flag that shells record.
 */
final class TrackingOptions {
    @Option(names = "--mlflow", paramLabel = "URL",
            description = {"Mirror into this MLflow tracking server (e.g. http://127.0.0.1:5055).",
                "Default: $" + TrackingServer.URI_VARIABLE + " for a new sweep, the sweep's own server for an existing one."})
    Optional<String> url = Optional.empty();

    /** The server a new sweep is mirrored to, if any. */
    Optional<TrackingServer> forNewSweep() {
        return TrackingServer.resolve(url, System.getenv());
    }

    /** The server to deliver a mirrored sweep's writes to. */
    TrackingServer forSweep(MirroredSweep mirroring) {
        return TrackingServer.at(url.filter(u -> !u.isBlank()).orElse(mirroring.trackingUri()), System.getenv());
    }
}
