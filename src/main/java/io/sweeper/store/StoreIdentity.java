package io.sweeper.store;

import static io.sweeper.store.jooq.Tables.STORE_IDENTITY;

import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;

/**
 * The store's own random id ({@code store_identity}), made the first time it is asked for: what
 * tells this store's trial folders from those of another store sharing the runs folder.
 */
final class StoreIdentity {
    private StoreIdentity() {
    }

    /**
     * The id; when there is none yet, this call makes it. Callers at the same moment agree on one:
     * the table's key lets one row in, and the callers whose insert it refused read that row.
     * Each statement commits on its own ({@code dsl} outside a transaction), as a refused insert
     * ends the transaction it is in on PostgreSQL.
     */
    static UUID of(DSLContext dsl) {
        return read(dsl).orElseGet(() -> {
            try {
                dsl.insertInto(STORE_IDENTITY, STORE_IDENTITY.SINGLE, STORE_IDENTITY.ID)
                        .values(true, UUID.randomUUID())
                        .execute();
            } catch (IntegrityConstraintViolationException e) {
                // another caller's id went in first: that one is the store's
            }
            return read(dsl).orElseThrow();
        });
    }

    private static Optional<UUID> read(DSLContext dsl) {
        return dsl.select(STORE_IDENTITY.ID).from(STORE_IDENTITY).fetchOptional(STORE_IDENTITY.ID);
    }
}
