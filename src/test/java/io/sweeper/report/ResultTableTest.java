package io.sweeper.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.sweeper.store.QueryResult;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResultTableTest {
    private static QueryResult result(List<String> columns, List<List<Optional<Object>>> rows, boolean truncated) {
        return new QueryResult(columns, rows, truncated);
    }

    @Test
    void csvQuotesFieldsWithCommasQuotesAndLineBreaksAsRfc4180Says() {
        assertThat(ResultTable.csvField("plain")).isEqualTo("plain");
        assertThat(ResultTable.csvField("a,b")).isEqualTo("\"a,b\"");
        assertThat(ResultTable.csvField("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(ResultTable.csvField("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(ResultTable.csvField("")).isEqualTo("");
    }

    @Test
    void csvWritesNullAsAnEmptyFieldAndValuesWhole() {
        QueryResult answer = result(List.of("name", "spec", "value"), List.of(
                List.of(Optional.of("x,y"), Optional.of("method: grid\nmetric: {name: loss}\n"), Optional.empty())), false);
        assertThat(ResultTable.csv(answer)).containsExactly(
                "name,spec,value",
                "\"x,y\",\"method: grid\nmetric: {name: loss}\n\",");
    }

    @Test
    void cellsReadExactly() {
        assertThat(ResultTable.text(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(ResultTable.text(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(ResultTable.text(Instant.parse("2026-11-26T01:14:46Z"))).isEqualTo("2026-11-26T01:14:46Z");
        assertThat(ResultTable.text(new byte[] {1, (byte) 0xab})).isEqualTo("01ab");
    }

    @Test
    void theTableKeepsEachCellOnOneShortLine() {
        String yaml = "name: x\n" + "parameters: {}\n".repeat(10);
        List<String> lines = ResultTable.table(result(List.of("SPEC_YAML"), List.of(List.of(Optional.of(yaml))), false));
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).startsWith("name: x\\nparameters: {}\\n").hasSize(ResultTable.MAX_CELL).endsWith("…");
        assertThat(lines.get(2)).isEqualTo("(1 row)");
    }

    @Test
    void numericColumnsAlignRightAndNullsShow() {
        List<String> lines = ResultTable.table(result(List.of("N", "NAME"), List.of(
                List.of(Optional.of(5), Optional.empty()),
                List.of(Optional.of(100), Optional.of("b"))), true));
        assertThat(lines).containsExactly(
                "  N  NAME",
                "  5  NULL",
                "100  b",
                "(2 rows; there are more: --max-rows N shows more)");
    }

    @Test
    void aStatementWithoutResultSetSaysSo() {
        assertThat(ResultTable.table(result(List.of(), List.of(), false))).containsExactly("(the statement returned no result set)");
    }
}
