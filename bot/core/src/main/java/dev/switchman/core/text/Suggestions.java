package dev.switchman.core.text;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * "Did you mean ...?" for every place a user can mistype a known word: command names and arguments,
 * runbook and scenario keys, check kinds, statuses, references. One rule everywhere, case-insensitive:
 * <ol>
 *   <li>the known word equal to the typed one but for case;</li>
 *   <li>else the only known word the typed one is a prefix of ({@code roll} -> {@code rollback});</li>
 *   <li>else the nearest known word by edit distance (insertions, deletions, substitutions and swaps of
 *       two neighbours each count 1), if at most max(2, length/3) and shorter than the typed word;
 *       ties go to the first candidate;</li>
 *   <li>else the longest known word the typed one starts with ({@code rollback-now} -> {@code rollback}).</li>
 * </ol>
 */
public final class Suggestions {

    private Suggestions() {
    }

    /** The suggestion for {@code typed} among {@code known}, if one is close enough. */
    public static Optional<String> closest(String typed, Collection<String> known) {
        if (typed == null || typed.isEmpty() || known == null || known.isEmpty()) {
            return Optional.empty();
        }
        String t = typed.toLowerCase();
        Optional<String> sameButCase = known.stream().filter(k -> k.equalsIgnoreCase(typed)).findFirst();
        if (sameButCase.isPresent()) {
            return sameButCase;
        }
        var prefixed = known.stream().filter(k -> k.toLowerCase().startsWith(t)).toList();
        if (prefixed.size() == 1) {
            return Optional.of(prefixed.get(0));
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(t, k.toLowerCase());
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        if (bestDistance <= Math.max(2, typed.length() / 3) && bestDistance < typed.length()) {
            return Optional.of(best);
        }
        return known.stream().filter(k -> k.length() > 1 && t.startsWith(k.toLowerCase()))
                .max(Comparator.comparingInt(String::length));
    }

    /** {@code "; did you mean 'x'?"} or the empty string. */
    public static String didYouMean(String typed, Collection<String> known) {
        return closest(typed, known).map(s -> "; did you mean '" + s + "'?").orElse("");
    }

    /**
     * {@code "; did you mean 'x'?"}, else {@code "; expected one of [a, b]"} when there are at most 12
     * known words, else the empty string.
     */
    public static String hint(String typed, Collection<String> known) {
        String dym = didYouMean(typed, known);
        if (!dym.isEmpty()) {
            return dym;
        }
        if (!known.isEmpty() && known.size() <= 12) {
            return "; expected one of " + known.stream().sorted().toList();
        }
        return "";
    }

    /** Edit distance with adjacent transpositions (optimal string alignment), case-sensitive. */
    public static int distance(String a, String b) {
        int[] before = new int[b.length() + 1];
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
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    cur[j] = Math.min(cur[j], before[j - 2] + 1);
                }
            }
            int[] t = before;
            before = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
