package io.sweeper.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The store's clock: microseconds, the precision both H2 and PostgreSQL keep, so an instant read back equals the one written. */
final class StoreTime {
    private StoreTime() {
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
