package io.sweeper.cli;

import io.sweeper.store.Store;
import io.sweeper.store.SweepRow;
import java.util.Optional;

/** The line `show` prints about a mirrored sweep's MLflow outbox. */
final class MirrorStatus {
    private MirrorStatus() {
    }

    static Optional<String> line(Store store, SweepRow sweep) {
        return store.trackingOutbox().mirroring(sweep.id()).map(m -> {
            int pending = store.trackingOutbox().pendingCount(sweep.id());
            return pending == 0
                    ? "MLflow: mirrored to " + m.trackingUri() + ", nothing pending"
                    : "MLflow: " + pending + " write(s) pending; run `sweeper sync " + sweep.id() + "`";
        });
    }
}
