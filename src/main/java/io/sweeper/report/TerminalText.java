package io.sweeper.report;

/**
 * Text that came from users (parameter values, sweep and metric names, labels, paths, a trial's
 * error) made safe to print on a terminal: control characters are shown, not obeyed. A value
 * holding {@code ESC [31m} would otherwise recolour or rewrite the screen, and a newline would
 * forge a line of its own — another trial, another prediction.
 *
 * <p>Escaped: C0 controls (U+0000–U+001F), DEL (U+007F) and C1 controls (U+0080–U+009F). ESC is
 * {@code \e}, newline {@code \n}, carriage return {@code \r}, tab {@code \t}, any other
 * {@code \}{@code u00XX}. Everything else, including non-ASCII letters, is printed as it is.
 * The result holds no control character, so escaping it again changes nothing.
 */
public final class TerminalText {
    private TerminalText() {
    }

    public static String escape(String text) {
        if (text.chars().noneMatch(TerminalText::isControl)) {
            return text; // the common case: nothing to copy
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.chars().forEach(c -> {
            switch (c) {
                case 0x1b -> out.append("\\e");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (isControl(c)) {
                        out.append(String.format("\\u%04x", c));
                    } else {
                        out.append((char) c);
                    }
                }
            }
        });
        return out.toString();
    }

    private static boolean isControl(int c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f);
    }
}
