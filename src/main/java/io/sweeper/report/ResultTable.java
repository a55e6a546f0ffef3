package io.sweeper.report;

import io.sweeper.report.TextTable.Column;
import io.sweeper.store.QueryResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * What {@code sweeper query} prints: the answer as an aligned table for reading, or as CSV for
 * other tools. The table shows SQL NULL as {@value #NULL} and shortens long cells to one line;
 * CSV keeps every value whole (NULL as an empty field).
 */
public final class ResultTable {
    static final String NULL = "NULL";
    /** Longer cells (a stored sweep file, say) are cut in the table; --csv has them whole. */
    static final int MAX_CELL = 60;

    private ResultTable() {
    }

    /** The table, then a line with the row count (and a note when rows were cut off). */
    public static List<String> table(QueryResult result) {
        if (result.columns().isEmpty()) {
            return List.of("(the statement returned no result set)");
        }
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < result.columns().size(); c++) {
            columns.add(isNumeric(result, c) ? Column.right(result.columns().get(c)) : Column.left(result.columns().get(c)));
        }
        TextTable table = new TextTable(columns);
        for (List<Optional<Object>> row : result.rows()) {
            table.add(row.stream().map(cell -> cell.map(ResultTable::oneLine).orElse(NULL)).toList());
        }
        List<String> lines = new ArrayList<>(table.lines());
        lines.add("(" + result.rows().size() + (result.rows().size() == 1 ? " row" : " rows")
                + (result.truncated() ? "; there are more: --max-rows N shows more" : "") + ")");
        return lines;
    }

    /** A header line and one line per row, quoted as RFC 4180 says. */
    public static List<String> csv(QueryResult result) {
        List<String> lines = new ArrayList<>(result.rows().size() + 1);
        lines.add(csvLine(result.columns().stream().map(Optional::<Object>of).toList()));
        result.rows().forEach(row -> lines.add(csvLine(row)));
        return lines;
    }

    private static String csvLine(List<Optional<Object>> cells) {
        List<String> fields = cells.stream().map(cell -> cell.map(ResultTable::text).map(ResultTable::csvField).orElse("")).toList();
        return String.join(",", fields);
    }

    /** A field in double quotes (inner quotes doubled) when it holds a comma, quote or line break. */
    static String csvField(String text) {
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    /** A cell's full text: numbers exactly as stored, times in ISO-8601, bytes in hex. */
    static String text(Object cell) {
        if (cell instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (cell instanceof byte[] bytes) {
            return HexFormat.of().formatHex(bytes);
        }
        return String.valueOf(cell);
    }

    /** The cell on one line of at most {@link #MAX_CELL} characters: line breaks and tabs written as \n, \t. */
    private static String oneLine(Object cell) {
        String text = text(cell).replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
        return text.length() > MAX_CELL ? text.substring(0, MAX_CELL - 1) + "…" : text;
    }

    /** A column whose values are all numbers reads best right-aligned. */
    private static boolean isNumeric(QueryResult result, int column) {
        return result.rows().stream().map(row -> row.get(column)).flatMap(Optional::stream)
                .allMatch(Number.class::isInstance);
    }
}
