package io.sweeper.store;

import io.sweeper.sweep.Goal;
import io.sweeper.sweep.TrialState;
import io.sweeper.store.jooq.tables.records.CheckpointRecord;
import io.sweeper.store.jooq.tables.records.EventRecord;
import io.sweeper.store.jooq.tables.records.SweepRecord;
import io.sweeper.store.jooq.tables.records.TrialRecord;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Generated jOOQ records (nullable columns) to the package's public rows (Optionals). */
final class RowMapping {
    private RowMapping() {
    }

    static SweepRow sweep(SweepRecord r) {
        return new SweepRow(r.getId(), r.getName(), r.getSpecYaml(), r.getMethod(), r.getMetricName(),
                Goal.fromWord(r.getMetricGoal()), SweepState.fromWord(r.getState()), r.getCreatedAt(),
                Optional.ofNullable(r.getEndedAt()));
    }

    static TrialRow trial(TrialRecord r) {
        return new TrialRow(r.getId(), r.getSweepId(), r.getNumber(), r.getParamsJson(),
                TrialState.fromWord(r.getState()), Optional.ofNullable(r.getWorker()),
                Optional.ofNullable(r.getLeaseUntil()), r.getAttempt(), r.getCreatedAt(),
                Optional.ofNullable(r.getStartedAt()), Optional.ofNullable(r.getEndedAt()),
                optionalInt(r.getLastEpoch()), optionalDouble(r.getBestValue()), optionalInt(r.getBestEpoch()),
                Optional.ofNullable(r.getError()));
    }

    static CheckpointRow checkpoint(CheckpointRecord r) {
        return new CheckpointRow(r.getTrialId(), r.getEpoch(), Path.of(r.getPath()), r.getSha256(), r.getBytes(),
                r.getCreatedAt());
    }

    static EventRow event(EventRecord r) {
        OptionalLong trialId = r.getTrialId() == null ? OptionalLong.empty() : OptionalLong.of(r.getTrialId());
        return new EventRow(r.getId(), r.getSweepId(), trialId, r.getAt(), EventKind.fromWord(r.getKind()),
                r.getMessage());
    }

    private static OptionalInt optionalInt(Integer value) {
        return value == null ? OptionalInt.empty() : OptionalInt.of(value);
    }

    private static OptionalDouble optionalDouble(Double value) {
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }
}
