package io.sweeper.store;

import static io.sweeper.store.jooq.Tables.MLFLOW_OUTBOX;
import static io.sweeper.store.jooq.Tables.MLFLOW_SWEEP;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.DSLContext;

/**
 * Appends MLflow writes to the outbox inside the caller's transaction, so the mirror and the
 * store can never disagree about what happened: either both the change and its outbox row are
 * committed, or neither. Sweeps that are not mirrored get no rows. Every payload carries
 * {@code at} (epoch milliseconds), the timestamp MLflow receives however late it is delivered.
 */
final class Outbox {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Outbox() {
    }

    static boolean mirrors(DSLContext tx, long sweepId) {
        return tx.fetchExists(MLFLOW_SWEEP, MLFLOW_SWEEP.SWEEP_ID.eq(sweepId));
    }

    /** Appends a row when the sweep is mirrored. */
    static void appendIfMirrored(DSLContext tx, long sweepId, Long trialId, OutboxKind kind, Instant at,
            Map<String, ?> payload) {
        if (mirrors(tx, sweepId)) {
            append(tx, sweepId, trialId, kind, at, payload);
        }
    }

    /** Appends a row; the caller knows the sweep is mirrored. */
    static void append(DSLContext tx, long sweepId, Long trialId, OutboxKind kind, Instant at, Map<String, ?> payload) {
        Map<String, Object> body = new LinkedHashMap<>(payload);
        body.put("at", at.toEpochMilli());
        tx.insertInto(MLFLOW_OUTBOX)
                .set(MLFLOW_OUTBOX.SWEEP_ID, sweepId)
                .set(MLFLOW_OUTBOX.TRIAL_ID, trialId)
                .set(MLFLOW_OUTBOX.KIND, kind.word())
                .set(MLFLOW_OUTBOX.PAYLOAD_JSON, json(body))
                .set(MLFLOW_OUTBOX.CREATED_AT, at)
                .execute();
    }

    private static String json(Map<String, Object> payload) {
        try {
            return JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("outbox payload is not serialisable: " + payload.keySet(), e);
        }
    }
}
