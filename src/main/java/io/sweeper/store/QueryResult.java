package io.sweeper.store;

import java.util.List;
import java.util.Optional;

/**
 * The answer to a read-only {@link Store#query}: column labels and rows of cells, an empty cell
 * being SQL NULL. Cells hold what JDBC returns (String, Integer, Long, Double, BigDecimal,
 * Boolean, …) except that timestamps with a time zone become {@link java.time.Instant} and those
 * without become {@link java.time.LocalDateTime}, the same on H2 and PostgreSQL.
 * {@code truncated} says more rows were there than asked for.
 */
public record QueryResult(List<String> columns, List<List<Optional<Object>>> rows, boolean truncated) {
    public QueryResult {
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
    }
}
