package io.sweeper.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sweeper.SweeperException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the confusion-matrix CSV that the trainer and {@code eval} write. */
class ConfusionMatrixTest {
    @TempDir
    Path dir;

    @Test
    void readsLabelsAndCountsIncludingQuotedLabels() throws Exception {
        Path csv = dir.resolve("confusion.csv");
        Files.write(csv, List.of("actual\\predicted,0,\"a,b\",z", "0,5,1,0", "\"a,b\",0,3,1", "z,0,0,0"));

        ConfusionMatrix m = ConfusionMatrix.readCsv(csv);

        assertThat(m.labels()).containsExactly("0", "a,b", "z");
        assertThat(m.count(0, 1)).isEqualTo(1);
        assertThat(m.rowTotal(1)).isEqualTo(4);
        assertThat(m.rowFraction(1, 1)).isEqualTo(0.75);
        assertThat(m.rowFraction(2, 2)).isNaN();
    }

    @Test
    void aRowThatDoesNotMatchTheHeaderNamesTheLine() throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.write(csv, List.of("actual\\predicted,0,1", "0,5,1", "1,2"));
        assertThatThrownBy(() -> ConfusionMatrix.readCsv(csv)).isInstanceOf(SweeperException.class)
                .hasMessageStartingWith(csv.toString()).hasMessageContaining("line 3");
    }

    @Test
    void aCountThatIsNotANumberNamesTheLine() throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.write(csv, List.of("actual\\predicted,0,1", "0,5,x", "1,2,3"));
        assertThatThrownBy(() -> ConfusionMatrix.readCsv(csv)).isInstanceOf(SweeperException.class)
                .hasMessageContaining("line 2").hasMessageContaining("whole number");
    }

    @Test
    void aMissingFileIsAClearError() {
        Path csv = dir.resolve("none.csv");
        assertThatThrownBy(() -> ConfusionMatrix.readCsv(csv)).isInstanceOf(SweeperException.class)
                .hasMessageStartingWith(csv.toString());
    }

    @Test
    void countsMustFormASquare() {
        assertThatThrownBy(() -> new ConfusionMatrix(List.of("a", "b"), new long[][] {{1, 2}, {3}}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
