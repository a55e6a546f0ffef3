package io.sweeper.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Values are spelt as Python spells them, since that is what W&B-era training scripts parse. */
class PythonTextTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "0.1, 0.1",
            "1e-5, 1e-05",
            "0.0001, 0.0001",
            "0.00012, 0.00012",
            "0.00001234, 1.234e-05",
            "3, 3.0",
            "100000, 100000.0",
            "1e16, 1e+16",
            "1.5e17, 1.5e+17",
            "123456789012345.6, 123456789012345.6",
            "-2.5, -2.5",
            "0, 0.0",
            "-0.0, -0.0"})
    void doublesAsPythonReprWritesThem(double value, String python) {
        assertThat(PythonText.number(value)).isEqualTo(python);
    }

    @Test
    void containersAndTextAsPythonStrWritesThem() {
        assertThat(PythonText.str("adam")).isEqualTo("adam");
        assertThat(PythonText.str(true)).isEqualTo("True");
        assertThat(PythonText.str(List.of(1L, "a", 0.5, false))).isEqualTo("[1, 'a', 0.5, False]");
        assertThat(PythonText.str(Map.of("k", List.of()))).isEqualTo("{'k': []}");
        assertThat(PythonText.repr("it's")).isEqualTo("\"it's\"");
        assertThat(PythonText.repr("a'b\"c\n")).isEqualTo("'a\\'b\"c\\n'");
    }
}
