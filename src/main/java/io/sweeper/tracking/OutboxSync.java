package io.sweeper.tracking;

import io.sweeper.store.Store;
import io.sweeper.store.SweepRow;
import java.util.function.Consumer;

/** {@code sweeper sync}: delivers a sweep's whole MLflow backlog now, in the caller's thread. */
public final class OutboxSync {
    private OutboxSync() {
    }

    /**
     * Delivers everything pending for {@code sweep}; returns how many writes were settled. A
     * server that cannot take them ends it with a {@link TrackingFailure} (one line); what was
     * delivered until then stays delivered.
     */
    public static long deliverAll(Store store, SweepRow sweep, TrackingServer server, Consumer<String> notices) {
        long settled = 0;
        try (OutboxDelivery delivery = OutboxDelivery.open(store, sweep, server, notices)) {
            for (int n = delivery.deliverNext(); n > 0; n = delivery.deliverNext()) {
                settled += n;
            }
        }
        return settled;
    }
}
