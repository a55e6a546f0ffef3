package io.sweeper.sweep;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** Suggests the known name a misspelt one was probably meant to be. */
final class DidYouMean {
    private DidYouMean() {
    }

    /** {@code "; did you mean 'x'?"} for the closest candidate within a few edits, else {@code ""}. */
    static String suffix(String given, Collection<String> candidates) {
        return closest(given, candidates).map(c -> "; did you mean '" + c + "'?").orElse("");
    }

    static Optional<String> closest(String given, Collection<String> candidates) {
        // A third of the word may be wrong, but at least one and at most three edits, so that
        // 'mu' does not suggest 'q' and 'distrbution' still finds 'distribution'.
        int allowed = Math.max(1, Math.min(3, given.length() / 3));
        return candidates.stream()
                .filter(c -> !c.equals(given))
                .min(Comparator.comparingInt(c -> editDistance(given, c)))
                .filter(c -> editDistance(given, c) <= allowed);
    }

    /** Levenshtein distance, case-insensitive: a wrongly capitalised key is still a near miss. */
    static int editDistance(String a, String b) {
        String x = a.toLowerCase(java.util.Locale.ROOT);
        String y = b.toLowerCase(java.util.Locale.ROOT);
        int[] previous = new int[y.length() + 1];
        int[] current = new int[y.length() + 1];
        for (int j = 0; j <= y.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= x.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= y.length(); j++) {
                int substitution = previous[j - 1] + (x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[y.length()];
    }
}
