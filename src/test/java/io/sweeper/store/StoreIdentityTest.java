package io.sweeper.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The store's id, which names its trial folders: made once, kept, the same for every caller. */
class StoreIdentityTest {
    @OnEachDatabase
    void aStoreKeepsOneIdForEveryCaller(TestDatabase db) throws Exception {
        Store store = db.open();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Callable<UUID>> callers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            callers.add(store::identity);
        }
        Set<UUID> ids = new HashSet<>();
        for (Future<UUID> id : pool.invokeAll(callers)) {
            ids.add(id.get());
        }
        pool.shutdown();

        assertThat(ids).as("callers at the same time agree on one id").hasSize(1);
        assertThat(db.open().identity()).as("another connection reads the id kept in the store")
                .isEqualTo(ids.iterator().next());
    }

    @OnEachDatabase
    void twoStoresHaveDifferentIds(TestDatabase db) {
        try (TestDatabase other = new TestDatabase.H2File()) {
            assertThat(db.open().identity()).isNotEqualTo(other.open().identity());
        }
    }
}
