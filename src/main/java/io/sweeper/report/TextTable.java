package io.sweeper.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Rows of text cells aligned in columns under their headers, two spaces apart: the shape of
 * every table sweeper prints. The last column is not padded, so no line ends in spaces. Cells
 * and headers are {@linkplain TerminalText escaped} before they are measured: a value with a
 * control character cannot break its row or the alignment.
 */
public final class TextTable {
    /** How a column's cells line up: text to the left, numbers to the right. */
    public enum Align { LEFT, RIGHT }

    /** One column: its header and alignment. */
    public record Column(String header, Align align) {
        public static Column left(String header) {
            return new Column(header, Align.LEFT);
        }

        public static Column right(String header) {
            return new Column(header, Align.RIGHT);
        }
    }

    private static final String GAP = "  ";

    private final List<Column> columns;
    private final List<List<String>> rows = new ArrayList<>();

    public TextTable(List<Column> columns) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        this.columns = columns.stream().map(c -> new Column(TerminalText.escape(c.header()), c.align())).toList();
    }

    /** Adds a row: one cell per column. */
    public TextTable add(List<String> cells) {
        if (cells.size() != columns.size()) {
            throw new IllegalArgumentException("a row of " + columns.size() + " columns, got " + cells.size() + " cells");
        }
        rows.add(cells.stream().map(TerminalText::escape).toList());
        return this;
    }

    /** The header line, then one line per row. */
    public List<String> lines() {
        int[] widths = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            widths[c] = columns.get(c).header().length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        List<String> lines = new ArrayList<>(rows.size() + 1);
        lines.add(line(columns.stream().map(Column::header).toList(), widths));
        rows.forEach(row -> lines.add(line(row, widths)));
        return lines;
    }

    private String line(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            String padding = " ".repeat(widths[c] - cell.length());
            if (c > 0) {
                line.append(GAP);
            }
            if (columns.get(c).align() == Align.RIGHT) {
                line.append(padding).append(cell);
            } else {
                line.append(cell).append(padding);
            }
        }
        return line.toString().stripTrailing();
    }
}
