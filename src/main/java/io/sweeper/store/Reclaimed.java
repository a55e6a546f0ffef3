package io.sweeper.store;

import java.util.List;

/** What {@link Store#reclaimExpired} did with trials whose lease had expired (ids, by trial). */
public record Reclaimed(List<Long> requeued, List<Long> failed) {
    public Reclaimed {
        requeued = List.copyOf(requeued);
        failed = List.copyOf(failed);
    }

    public boolean isEmpty() {
        return requeued.isEmpty() && failed.isEmpty();
    }
}
