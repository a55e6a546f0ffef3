package io.sweeper.store;

import io.sweeper.sweep.Goal;
import io.sweeper.sweep.TrialState;
import static io.sweeper.store.jooq.Tables.CHECKPOINT;
import static io.sweeper.store.jooq.Tables.EVENT;
import static io.sweeper.store.jooq.Tables.METRIC;
import static io.sweeper.store.jooq.Tables.TRIAL;

import io.sweeper.SweeperException;
import io.sweeper.store.jooq.tables.records.MetricRecord;
import io.sweeper.store.jooq.tables.records.TrialRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jooq.Condition;
import org.jooq.SortField;
import org.jooq.impl.DSL;

/**
 * What {@code show}, {@code best} and the dashboard read. Rankings come from the trial rows'
 * kept best values (index {@code trial_rank}), never from scanning the metric table.
 */
final class Leaderboard {
    private final Database db;
    private final SweepCatalog sweeps;

    Leaderboard(Database db, SweepCatalog sweeps) {
        this.db = db;
        this.sweeps = sweeps;
    }

    /**
     * The sweep's first {@code limit} trials, best first by the sweep's goal, trials with no value
     * yet last. The database sorts; only the rows asked for are read into records.
     */
    List<TrialRow> ranked(long sweepId, int limit) {
        return ranked(sweepId, DSL.noCondition(), limit);
    }

    /** {@link #ranked(long, int)} among the trials in {@code state} only. */
    List<TrialRow> ranked(long sweepId, TrialState state, int limit) {
        return ranked(sweepId, TRIAL.STATE.eq(state.word()), limit);
    }

    private List<TrialRow> ranked(long sweepId, Condition which, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1, got " + limit);
        }
        Goal goal = sweeps.get(sweepId).goal();
        return db.dsl.selectFrom(TRIAL)
                .where(TRIAL.SWEEP_ID.eq(sweepId).and(which))
                .orderBy(byBest(goal), TRIAL.NUMBER.asc())
                .limit(limit)
                .fetch(RowMapping::trial);
    }

    /**
     * The best finished or pruned trial (see {@link TrialState#ranksForBest()}); on a tie, the
     * lowest-numbered. Asked as one small query per state rather than one {@code state IN (…)}
     * query: H2 takes a sort from an index only when the ORDER BY walks all of the index's leading
     * columns in one direction, and otherwise sorts every trial of the sweep. So each state's top
     * value is the first entry of {@code trial_rank} read forwards or backwards, and the trial
     * with that value the first entry of another range of it; PostgreSQL reads the same ranges.
     */
    Optional<TrialRow> best(long sweepId) {
        Goal goal = sweeps.get(sweepId).goal();
        List<TrialState> ranked = Arrays.stream(TrialState.values()).filter(TrialState::ranksForBest).toList();
        Optional<Double> top = ranked.stream()
                .map(state -> topValue(sweepId, state, goal))
                .flatMap(Optional::stream)
                .reduce((a, b) -> goal.isBetter(b, a) ? b : a);
        if (top.isEmpty()) {
            return Optional.empty();
        }
        return ranked.stream()
                .map(state -> db.dsl.selectFrom(TRIAL)
                        .where(TRIAL.SWEEP_ID.eq(sweepId)
                                .and(TRIAL.STATE.eq(state.word()))
                                .and(TRIAL.BEST_VALUE.eq(top.get())))
                        .orderBy(TRIAL.SWEEP_ID, TRIAL.STATE, TRIAL.BEST_VALUE, TRIAL.NUMBER)
                        .limit(1)
                        .fetchOptional())
                .flatMap(Optional::stream)
                .min(Comparator.comparing(TrialRecord::getNumber))
                .map(RowMapping::trial);
    }

    private Optional<Double> topValue(long sweepId, TrialState state, Goal goal) {
        List<SortField<?>> bestFirst = goal == Goal.MAXIMIZE
                ? List.of(TRIAL.SWEEP_ID.desc(), TRIAL.STATE.desc(), TRIAL.BEST_VALUE.desc())
                : List.of(TRIAL.SWEEP_ID.asc(), TRIAL.STATE.asc(), TRIAL.BEST_VALUE.asc());
        return db.dsl.select(TRIAL.BEST_VALUE)
                .from(TRIAL)
                .where(TRIAL.SWEEP_ID.eq(sweepId)
                        .and(TRIAL.STATE.eq(state.word()))
                        .and(TRIAL.BEST_VALUE.isNotNull()))
                .orderBy(bestFirst)
                .limit(1)
                .fetchOptional(TRIAL.BEST_VALUE);
    }

    private static SortField<Double> byBest(Goal goal) {
        return goal == Goal.MINIMIZE ? TRIAL.BEST_VALUE.asc().nullsLast() : TRIAL.BEST_VALUE.desc().nullsLast();
    }

    /** How many trials are in each state (every state present, zero if none). */
    Map<TrialState, Integer> counts(long sweepId) {
        sweeps.get(sweepId);
        Map<TrialState, Integer> counts = new EnumMap<>(TrialState.class);
        for (TrialState state : TrialState.values()) {
            counts.put(state, 0);
        }
        db.dsl.select(TRIAL.STATE, DSL.count())
                .from(TRIAL)
                .where(TRIAL.SWEEP_ID.eq(sweepId))
                .groupBy(TRIAL.STATE)
                .forEach(row -> counts.put(TrialState.fromWord(row.value1()), row.value2()));
        return counts;
    }

    /** The sweep's trial numbered {@code number}, if it has one. */
    Optional<TrialRow> trial(long sweepId, int number) {
        return Optional.ofNullable(db.dsl.selectFrom(TRIAL)
                .where(TRIAL.SWEEP_ID.eq(sweepId).and(TRIAL.NUMBER.eq(number))).fetchOne()).map(RowMapping::trial);
    }

    TrialRow trial(long trialId) {
        TrialRecord trial = db.dsl.selectFrom(TRIAL).where(TRIAL.ID.eq(trialId)).fetchOne();
        if (trial == null) {
            throw new SweeperException("no trial " + trialId + " in " + db.maskedUrl
                    + ": `sweeper show SWEEP` lists a sweep's trials");
        }
        return RowMapping.trial(trial);
    }

    /** Every recorded epoch of the trial, in order. */
    List<EpochMetrics> metrics(long trialId) {
        trial(trialId);
        Map<Integer, Map<String, Double>> byEpoch = new LinkedHashMap<>();
        for (MetricRecord metric : db.dsl.selectFrom(METRIC)
                .where(METRIC.TRIAL_ID.eq(trialId))
                .orderBy(METRIC.EPOCH, METRIC.NAME)
                .fetch()) {
            byEpoch.computeIfAbsent(metric.getEpoch(), epoch -> new LinkedHashMap<>())
                    .put(metric.getName(), metric.getValue());
        }
        List<EpochMetrics> epochs = new ArrayList<>(byEpoch.size());
        byEpoch.forEach((epoch, values) -> epochs.add(new EpochMetrics(epoch, values)));
        return epochs;
    }

    /**
     * Every trial of the sweep that recorded {@code metricName}, by number, with its values by
     * epoch: one query over the trial index and the metric table's primary key (trial_id first).
     */
    List<TrialCurve> curves(long sweepId, String metricName) {
        return curves(sweepId, metricName, DSL.noCondition());
    }

    /** {@link #curves(long, String)} of the trials numbered {@code numbers} only. */
    List<TrialCurve> curves(long sweepId, String metricName, Collection<Integer> numbers) {
        // inlined, H2 checks the numbers in a hash set; as bind values it compares each row with every one
        return curves(sweepId, metricName, TRIAL.NUMBER.in(numbers.stream().map(DSL::inline).toList()));
    }

    /** Sorted here rather than by the database: H2 sorts a million rows through a temporary store, seconds. */
    private List<TrialCurve> curves(long sweepId, String metricName, Condition which) {
        sweeps.get(sweepId);
        Map<Integer, TrialState> states = new TreeMap<>();
        Map<Integer, SortedMap<Integer, Double>> values = new HashMap<>();
        db.dsl.select(TRIAL.NUMBER, TRIAL.STATE, METRIC.EPOCH, METRIC.VALUE)
                .from(TRIAL)
                .join(METRIC).on(METRIC.TRIAL_ID.eq(TRIAL.ID).and(METRIC.NAME.eq(metricName)))
                .where(TRIAL.SWEEP_ID.eq(sweepId).and(which))
                .fetch()
                .forEach(row -> {
                    states.putIfAbsent(row.value1(), TrialState.fromWord(row.value2()));
                    values.computeIfAbsent(row.value1(), n -> new TreeMap<>()).put(row.value3(), row.value4());
                });
        List<TrialCurve> curves = new ArrayList<>(states.size());
        states.forEach((number, state) -> curves.add(new TrialCurve(number, state, values.get(number))));
        return curves;
    }

    List<CheckpointRow> checkpoints(long trialId) {
        trial(trialId);
        return db.dsl.selectFrom(CHECKPOINT)
                .where(CHECKPOINT.TRIAL_ID.eq(trialId))
                .orderBy(CHECKPOINT.EPOCH)
                .fetch(RowMapping::checkpoint);
    }

    /** The newest checkpoint recorded at {@code path} (absolute, normalized, as recorded). */
    Optional<CheckpointRow> checkpointAt(Path path) {
        return db.dsl.selectFrom(CHECKPOINT)
                .where(CHECKPOINT.PATH.eq(path.toAbsolutePath().normalize().toString()))
                .orderBy(CHECKPOINT.CREATED_AT.desc(), CHECKPOINT.EPOCH.desc())
                .limit(1)
                .fetchOptional(RowMapping::checkpoint);
    }

    /** The sweep's history, oldest first. */
    List<EventRow> events(long sweepId) {
        sweeps.get(sweepId);
        return db.dsl.selectFrom(EVENT)
                .where(EVENT.SWEEP_ID.eq(sweepId))
                .orderBy(EVENT.ID)
                .fetch(RowMapping::event);
    }
}
