package io.sweeper;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** Suggests the known name a misspelt one was probably meant to be. */
public final class DidYouMean {
    private DidYouMean() {
    }

    /** {@code " (did you mean 'x'?)"} for the closest candidate within a few edits, else {@code ""}. */
    public static String suffix(String given, Collection<String> candidates) {
        return closest(given, candidates).map(c -> " (did you mean '" + c + "'?)").orElse("");
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

    /**
     * Edit distance counting a swap of neighbours as one edit (optimal string alignment), since
     * {@code gaol} for {@code goal} is one slip of the fingers; case-insensitive, since a wrongly
     * capitalised key is a near miss too.
     */
    static int editDistance(String a, String b) {
        String x = a.toLowerCase(java.util.Locale.ROOT);
        String y = b.toLowerCase(java.util.Locale.ROOT);
        int[][] d = new int[x.length() + 1][y.length() + 1];
        for (int i = 0; i <= x.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= y.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= x.length(); i++) {
            for (int j = 1; j <= y.length(); j++) {
                int cost = x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
                if (i > 1 && j > 1 && x.charAt(i - 1) == y.charAt(j - 2) && x.charAt(i - 2) == y.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[x.length()][y.length()];
    }
}
