package io.sweeper.store;

import static io.sweeper.store.jooq.Tables.EVENT;

import io.sweeper.store.jooq.tables.records.EventRecord;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;

/** Appends to a sweep's history, inside the caller's transaction so history and state agree. */
final class EventLog {
    private EventLog() {
    }

    static void sweepEvent(DSLContext tx, long sweepId, Instant at, EventKind kind, String message) {
        tx.insertInto(EVENT)
                .set(EVENT.SWEEP_ID, sweepId)
                .set(EVENT.AT, at)
                .set(EVENT.KIND, kind.word())
                .set(EVENT.MESSAGE, message)
                .execute();
    }

    static EventRecord trialEvent(DSLContext tx, long sweepId, long trialId, Instant at, String message) {
        EventRecord event = tx.newRecord(EVENT);
        event.setSweepId(sweepId);
        event.setTrialId(trialId);
        event.setAt(at);
        event.setKind(EventKind.TRIAL_STATE.word());
        event.setMessage(message);
        return event;
    }

    static void append(DSLContext tx, List<EventRecord> events) {
        if (!events.isEmpty()) {
            tx.batchInsert(events).execute();
        }
    }
}
