package io.sweeper.store;

import java.util.List;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderNameCase;

/** The two databases the store runs on, and what differs between them. */
enum DatabaseKind {
    /**
     * H2 folds unquoted names to upper case, so jOOQ renders the (lower-case) generated names in
     * upper case, quoted, which also keeps H2 keywords such as VALUE usable as column names.
     * Its extra Flyway location creates the read-only user for {@code query}.
     */
    H2(SQLDialect.H2, RenderNameCase.UPPER, List.of("classpath:db/migration", "classpath:db/h2")),
    POSTGRESQL(SQLDialect.POSTGRES, RenderNameCase.AS_IS, List.of("classpath:db/migration"));

    final SQLDialect dialect;
    final RenderNameCase nameCase;
    final List<String> migrationLocations;

    DatabaseKind(SQLDialect dialect, RenderNameCase nameCase, List<String> migrationLocations) {
        this.dialect = dialect;
        this.nameCase = nameCase;
        this.migrationLocations = migrationLocations;
    }
}
