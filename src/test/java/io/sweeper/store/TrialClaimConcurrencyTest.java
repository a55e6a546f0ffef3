package io.sweeper.store;

import io.sweeper.sweep.Goal;
import io.sweeper.sweep.TrialState;
import static io.sweeper.store.Fixtures.LEASE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

class TrialClaimConcurrencyTest {
    private static final int WORKERS = 8;
    private static final int TRIALS = 300;

    @OnEachDatabase
    void concurrentWorkersClaimEveryTrialExactlyOnce(TestDatabase db) throws Exception {
        Store store = db.open();
        long sweepId = Fixtures.sweepWithTrials(store, Goal.MAXIMIZE, TRIALS);
        ConcurrentLinkedQueue<ClaimedTrial> claims = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        try {
            List<Future<Integer>> workers = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                String worker = "w" + w;
                Callable<Integer> loop = () -> {
                    start.await();
                    int mine = 0;
                    for (Optional<ClaimedTrial> claim = store.claimNextTrial(sweepId, worker, LEASE); claim.isPresent();
                            claim = store.claimNextTrial(sweepId, worker, LEASE)) {
                        claims.add(claim.get());
                        store.recordEpoch(claim.get().lease(), 0, Fixtures.accuracy(0.5));
                        store.finishTrial(claim.get().lease(), TrialOutcome.finished());
                        mine++;
                    }
                    return mine;
                };
                workers.add(pool.submit(loop));
            }
            start.countDown();
            List<Integer> perWorker = new ArrayList<>();
            for (Future<Integer> worker : workers) {
                perWorker.add(worker.get());
            }
            assertThat(perWorker.stream().mapToInt(Integer::intValue).sum()).isEqualTo(TRIALS);
            assertThat(perWorker).as("claims ran side by side, not one worker draining the queue")
                    .filteredOn(n -> n > 0).hasSizeGreaterThan(1);
        } finally {
            pool.shutdownNow();
        }

        assertThat(claims).extracting(ClaimedTrial::trialId).doesNotHaveDuplicates().hasSize(TRIALS);
        assertThat(claims).extracting(c -> c.lease().attempt()).containsOnly(1);
        assertThat(store.trialCounts(sweepId)).containsEntry(TrialState.FINISHED, TRIALS);
        assertThat(store.events(sweepId)).filteredOn(e -> e.message().contains("queued -> running")).hasSize(TRIALS);
    }
}
