package io.sweeper.store;

import io.sweeper.SweeperException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.exception.FlywayValidateException;

/**
 * Brings a database's schema up to this sweeper's {@code db/migration}, refusing databases that
 * a newer sweeper has already migrated further: this one would not know their tables.
 */
final class SchemaMigration {
    private SchemaMigration() {
    }

    static void migrate(String url, DatabaseKind kind, String maskedUrl) {
        Flyway flyway = flyway(url, kind);
        refuseNewerSchema(flyway.info(), maskedUrl);
        try {
            flyway.migrate();
        } catch (FlywayValidateException e) {
            // e.g. "Migration checksum mismatch for migration version 1": Flyway's second line
            String detail = e.getMessage().lines().skip(1).map(String::strip).filter(l -> !l.isEmpty())
                    .findFirst().orElse(e.getMessage().lines().findFirst().orElse(""));
            throw new SweeperException("database schema in " + maskedUrl + " does not match this sweeper's ("
                    + detail + "): it was made by another build of sweeper; use that one, or --db with a new database", e);
        }
    }

    /**
     * For read-only opens, which must not migrate: the database must hold a store whose schema is
     * exactly this sweeper's, else one line says what to do. Flyway's {@code info} only reads.
     */
    static void requireCurrent(String url, DatabaseKind kind, String maskedUrl) {
        MigrationInfoService info = flyway(url, kind).info();
        if (info.applied().length == 0) {
            throw new SweeperException("no store at " + maskedUrl + ": `sweeper run` creates one (check --db)");
        }
        refuseNewerSchema(info, maskedUrl);
        // versioned ones only: a changed repeatable (H2's query reader) leaves the tables as they are,
        // and `query` says itself when the reader it needs is missing
        Optional<MigrationInfo> pending = Arrays.stream(info.pending()).filter(m -> m.getVersion() != null).findFirst();
        if (pending.isPresent()) {
            throw new SweeperException("the store at " + maskedUrl + " has an older schema than this sweeper ("
                    + pending.get().getDescription() + " not applied yet): a command that writes to it (`sweeper run`, "
                    + "`resume`, `agent` or `sync`) upgrades it, then read it again");
        }
    }

    private static Flyway flyway(String url, DatabaseKind kind) {
        return Flyway.configure()
                .loggers("slf4j")
                .dataSource(url, null, null)
                .locations(kind.migrationLocations.toArray(String[]::new))
                .cleanDisabled(true)
                .load();
    }

    /**
     * Flyway itself ignores applied migrations it has no file for ("future" ones) by default;
     * running on such a schema could write rows a newer sweeper reads wrongly, so stop instead.
     */
    private static void refuseNewerSchema(MigrationInfoService info, String maskedUrl) {
        Optional<MigrationVersion> newestApplied = Arrays.stream(info.applied())
                .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED)
                .map(MigrationInfo::getVersion)
                .max(Comparator.naturalOrder());
        if (newestApplied.isPresent()) {
            String ours = Arrays.stream(info.all())
                    .filter(m -> m.getVersion() != null && m.getState().isResolved())
                    .map(MigrationInfo::getVersion)
                    .max(Comparator.naturalOrder())
                    .map(MigrationVersion::getVersion)
                    .orElse("none");
            throw new SweeperException("database schema version " + newestApplied.get().getVersion()
                    + " is newer than this sweeper (" + ours + ") in " + maskedUrl + ": upgrade sweeper");
        }
    }
}
