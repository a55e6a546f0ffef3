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
import java.util.concurrent.TimeUnit;

class TrialClaimConcurrencyTest {
    private static final int WORKERS = 8;
    private static final int TRIALS = 300;

    @OnEachDatabase
    void concurrentWorkersClaimEveryTrialExactlyOnce(TestDatabase db) throws Exception {
        Store store = db.open();
        long sweepId = Fixtures.sweepWithTrials(store, Goal.MAXIMIZE, TRIALS);
        ConcurrentLinkedQueue<ClaimedTrial> claims = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        // Each worker holds its first trial until every worker holds one: the claims overlap for
        // sure, however the threads happen to be scheduled on a busy machine.
        CountDownLatch everyoneHoldsOne = new CountDownLatch(WORKERS);
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
                        if (mine == 0) {
                            everyoneHoldsOne.countDown();
                            assertThat(everyoneHoldsOne.await(60, TimeUnit.SECONDS)).as("every worker got a trial").isTrue();
                        }
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
            assertThat(perWorker).as("every worker claimed while the others held theirs").allMatch(n -> n > 0);
        } finally {
            pool.shutdownNow();
        }

        assertThat(claims).extracting(ClaimedTrial::trialId).doesNotHaveDuplicates().hasSize(TRIALS);
        assertThat(claims).extracting(c -> c.lease().attempt()).containsOnly(1);
        assertThat(store.trialCounts(sweepId)).containsEntry(TrialState.FINISHED, TRIALS);
        assertThat(store.events(sweepId)).filteredOn(e -> e.message().contains("queued -> running")).hasSize(TRIALS);
    }
}
