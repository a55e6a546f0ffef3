package io.sweeper.cli;

import io.sweeper.SweeperException;
import io.sweeper.report.ResultTable;
import io.sweeper.store.QueryResult;
import io.sweeper.store.Store;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sweeper query SQL}: one read-only query on the store, opened read-only; see
 * {@link Store#query} for what keeps it from writing.
 */
@Command(name = "query", description = "Run one read-only SQL query on the store (tables sweep, trial, metric, checkpoint, event).")
final class QueryCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SQL", description = "One statement, e.g. \"SELECT number, best_value FROM trial ORDER BY best_value DESC\".")
    String sql;

    @Option(names = "--csv", description = "Print CSV (RFC 4180) instead of a table.")
    boolean csv;

    @Option(names = "--max-rows", paramLabel = "N", description = "Return at most N rows (default: ${DEFAULT-VALUE}).")
    int maxRows = 1000;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Stop the query after SECONDS (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds = (int) Store.QUERY_TIMEOUT.toSeconds();

    @Mixin
    StoreOptions store;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (maxRows < 1) {
            throw new SweeperException("--max-rows must be at least 1, got " + maxRows);
        }
        if (timeoutSeconds < 1) {
            throw new SweeperException("--timeout must be at least 1 second, got " + timeoutSeconds);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        QueryResult result;
        try (Store opened = store.openReadOnly()) {
            if (opened.queryLoginMayWrite()) {
                err.println("note: the login of " + opened.url() + " may change the store; sweeper keeps this query "
                        + "read-only, but a role with SELECT rights only makes the database refuse writes too "
                        + "(README, \"Reliability\")");
            }
            result = opened.query(sql, maxRows, Duration.ofSeconds(timeoutSeconds));
        }
        if (!csv) {
            ResultTable.table(result).forEach(out::println);
            return 0;
        }
        ResultTable.csv(result).forEach(out::println);
        if (result.truncated()) {
            // not on stdout, where it would read as a row
            err.println("note: only the first " + maxRows + " rows were printed: --max-rows N gives more");
        }
        return 0;
    }
}
