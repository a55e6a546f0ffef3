package io.sweeper.search;

import java.math.BigDecimal;
import java.math.MathContext;

/** Numbers in pruning reasons: four significant digits, no trailing zeros, no exponent for everyday sizes. */
final class Numbers {
    private Numbers() {
    }

    static String text(double value) {
        return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
