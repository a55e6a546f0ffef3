package io.sweeper.tracking;

import io.sweeper.store.Store;
import io.sweeper.store.SweepRow;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers a sweep's MLflow outbox in the background while the sweep runs, on one daemon thread:
 * training threads only append outbox rows (in their own store transactions) and never wait on
 * the network. When the server cannot be reached the sender says so once, retries with
 * exponential backoff (1 s doubling to 30 s), and says so again when it is back.
 */
public final class OutboxSender implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
    private static final Duration IDLE_POLL = Duration.ofMillis(200);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final Object WAKE = new Object();

    private final Store store;
    private final long sweepId;
    private final TrackingServer server;
    private final Consumer<String> notices;
    private final OutboxDelivery delivery;
    private final Thread thread;
    private final BlockingQueue<Object> wakeups = new LinkedBlockingQueue<>();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private volatile boolean closed;

    private OutboxSender(Store store, SweepRow sweep, TrackingServer server, Consumer<String> notices) {
        this.store = store;
        this.sweepId = sweep.id();
        this.server = server;
        this.notices = notices;
        this.delivery = OutboxDelivery.open(store, sweep, server, notices);
        this.thread = new Thread(this::loop, "sweeper-mlflow-sender");
        thread.setDaemon(true);
    }

    /**
     * Starts delivering {@code sweep}'s outbox to {@code server}; {@code notices} gets the few
     * lines a user should see (server unreachable, back again, a write refused).
     */
    public static OutboxSender start(Store store, SweepRow sweep, TrackingServer server, Consumer<String> notices) {
        OutboxSender sender = new OutboxSender(store, sweep, server, notices);
        sender.thread.start();
        return sender;
    }

    /** Outbox rows settled (delivered or refused) by this sender so far. */
    public long delivered() {
        return delivered.get();
    }

    /**
     * Gives the sender up to {@code max} to deliver what is pending, stopping early when a retry
     * made now fails (the server is still away). Returns the number of writes still pending.
     */
    public int drain(Duration max) throws InterruptedException {
        Instant deadline = Instant.now().plus(max);
        long failuresBefore = failures.get();
        wakeups.offer(WAKE);
        while (Instant.now().isBefore(deadline)) {
            int pending = store.trackingOutbox().pendingCount(sweepId);
            if (pending == 0 || failures.get() > failuresBefore) {
                return pending;
            }
            Thread.sleep(50);
        }
        return store.trackingOutbox().pendingCount(sweepId);
    }

    private void loop() {
        Duration backoff = FIRST_BACKOFF;
        boolean outage = false;
        while (!closed) {
            try {
                int settled = delivery.deliverNext();
                delivered.addAndGet(settled);
                if (outage) {
                    notices.accept("MLflow at " + server.url() + " answers again: delivering the writes that waited");
                    outage = false;
                }
                backoff = FIRST_BACKOFF;
                if (settled == 0) {
                    pause(IDLE_POLL);
                }
            } catch (TrackingFailure e) {
                failures.incrementAndGet();
                if (!outage) {
                    notices.accept(e.getMessage() + "; the sweep goes on, its MLflow writes wait in the store"
                            + " (`sweeper sync " + sweepId + "` delivers them later)");
                    outage = true;
                }
                pause(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            } catch (RuntimeException e) {
                if (closed) {
                    return; // the store closed under a last delivery: what it did not mark stays pending
                }
                failures.incrementAndGet();
                LOG.warn("MLflow delivery of sweep {} failed: {}", sweepId, e.toString());
                pause(MAX_BACKOFF);
            }
        }
    }

    private void pause(Duration duration) {
        try {
            wakeups.poll(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            closed = true;
        }
    }

    /** Stops the sender (waiting briefly for a delivery in flight); what is pending stays in the outbox. */
    @Override
    public void close() throws InterruptedException {
        closed = true;
        wakeups.offer(WAKE);
        thread.join(Duration.ofSeconds(5).toMillis());
        if (!thread.isAlive()) {
            delivery.close();
        }
    }
}
