package io.sweeper.store;

import static io.sweeper.store.jooq.Tables.STORE_IDENTITY;

import java.util.UUID;
import org.jooq.DSLContext;

/**
 * The store's own random id ({@code store_identity}), made the first time it is asked for: what
 * tells this store's trial folders from those of another store sharing the runs folder.
 */
final class StoreIdentity {
    private StoreIdentity() {
    }

    /** The id; when there is none yet, this call makes it (two processes at once agree on one). */
    static UUID of(DSLContext tx) {
        tx.insertInto(STORE_IDENTITY, STORE_IDENTITY.SINGLE, STORE_IDENTITY.ID).values(true, UUID.randomUUID())
                .onConflictDoNothing()
                .execute();
        return tx.fetchSingle(STORE_IDENTITY).getId();
    }
}
