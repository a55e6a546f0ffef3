package io.sweeper.store;

import static io.sweeper.store.jooq.Tables.SWEEP_PROCESS;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;

/**
 * Which processes work on a sweep ({@code sweep_process}): each one renews its row every half
 * lease while it runs, whether it is running a trial or only between trials or waiting, so a
 * process that stops can tell whether it is the last (see {@link TrialLifecycle#stopWorking}).
 */
final class SweepProcesses {
    private SweepProcesses() {
    }

    /** {@code process} (whose pid means it within {@code pidScope}) is working on the sweep at {@code at}. */
    static void seen(DSLContext tx, long sweepId, String process, String pidScope, Instant at) {
        tx.insertInto(SWEEP_PROCESS, SWEEP_PROCESS.SWEEP_ID, SWEEP_PROCESS.PROCESS, SWEEP_PROCESS.PID_SCOPE,
                        SWEEP_PROCESS.SEEN_AT)
                .values(sweepId, process, pidScope, at)
                .onConflict(SWEEP_PROCESS.SWEEP_ID, SWEEP_PROCESS.PROCESS)
                .doUpdate().set(SWEEP_PROCESS.SEEN_AT, at)
                .execute();
    }

    /** {@code process} no longer works on the sweep. */
    static void left(DSLContext tx, long sweepId, String process) {
        tx.deleteFrom(SWEEP_PROCESS)
                .where(SWEEP_PROCESS.SWEEP_ID.eq(sweepId).and(SWEEP_PROCESS.PROCESS.eq(process)))
                .execute();
    }

    /** Nobody works on the sweep any more (it is finished). */
    static void clear(DSLContext tx, long sweepId) {
        tx.deleteFrom(SWEEP_PROCESS).where(SWEEP_PROCESS.SWEEP_ID.eq(sweepId)).execute();
    }

    /** The processes with a row for the sweep: working on it, or killed before they could leave. */
    static List<ProcessSeen> all(DSLContext tx, long sweepId) {
        return tx.select(SWEEP_PROCESS.PROCESS, SWEEP_PROCESS.PID_SCOPE, SWEEP_PROCESS.SEEN_AT).from(SWEEP_PROCESS)
                .where(SWEEP_PROCESS.SWEEP_ID.eq(sweepId))
                .orderBy(SWEEP_PROCESS.PROCESS)
                .fetch(r -> new ProcessSeen(r.value1(), r.value2(), r.value3()));
    }

    /** How many processes other than {@code process} were seen working on the sweep within {@code lease} of {@code now}. */
    static int othersAlive(DSLContext tx, long sweepId, String process, Instant now, Duration lease) {
        return tx.fetchCount(SWEEP_PROCESS, SWEEP_PROCESS.SWEEP_ID.eq(sweepId)
                .and(SWEEP_PROCESS.PROCESS.ne(process))
                .and(SWEEP_PROCESS.SEEN_AT.gt(now.minus(lease))));
    }
}
