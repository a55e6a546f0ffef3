package io.sweeper.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sweeper.report.TextTable.Column;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextTableTest {
    @Test
    void columnsLineUpUnderTheirHeadersNumbersToTheRight() {
        TextTable table = new TextTable(List.of(Column.right("#"), Column.left("state"), Column.left("parameters")))
                .add(List.of("7", "finished", "lr=0.1"))
                .add(List.of("12", "queued", "lr=0.01 dropout=0.3"));
        assertThat(table.lines()).containsExactly(
                " #  state     parameters",
                " 7  finished  lr=0.1",
                "12  queued    lr=0.01 dropout=0.3");
    }

    @Test
    void noLineEndsInSpaces() {
        TextTable table = new TextTable(List.of(Column.left("name"), Column.left("note")))
                .add(List.of("a-long-name", ""));
        assertThat(table.lines()).allSatisfy(line -> assertThat(line).doesNotEndWith(" "));
    }

    @Test
    void controlCharactersAreEscapedAndAlignedAsPrinted() {
        TextTable table = new TextTable(List.of(Column.left("name\u001b"), Column.left("note")))
                .add(List.of("\u001b[31mred", "x"))
                .add(List.of("two\nlines\u0085\u007f\t", "y"));
        assertThat(table.lines()).containsExactly(
                "name\\e                    note",
                "\\e[31mred                 x",
                "two\\nlines\\u0085\\u007f\\t  y");
        assertThat(TerminalText.escape("Zürich ✓ \\n")).as("printable text, a backslash included, stays")
                .isEqualTo("Zürich ✓ \\n");
    }

    @Test
    void aRowMustHaveOneCellPerColumn() {
        TextTable table = new TextTable(List.of(Column.left("a"), Column.left("b")));
        assertThatThrownBy(() -> table.add(List.of("x"))).isInstanceOf(IllegalArgumentException.class);
    }
}
