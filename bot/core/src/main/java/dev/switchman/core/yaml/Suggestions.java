package dev.switchman.core.yaml;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean ...?": the closest known word by edit distance, when it is close enough. */
public final class Suggestions {

    private Suggestions() {
    }

    /**
     * The candidate closest to {@code word} (Levenshtein distance, case-insensitive), if the distance is
     * at most max(2, length/3); ties go to the first candidate.
     */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(word.toLowerCase(), c.toLowerCase());
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        int limit = Math.max(2, word.length() / 3);
        return best != null && bestDistance <= limit && bestDistance < word.length() ? Optional.of(best) : Optional.empty();
    }

    /** {@code "; did you mean 'x'?"} or the empty string. */
    public static String didYouMean(String word, Collection<String> candidates) {
        return closest(word, candidates).map(s -> "; did you mean '" + s + "'?").orElse("");
    }

    /** Levenshtein distance. */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
