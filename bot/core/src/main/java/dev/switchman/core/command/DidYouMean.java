package dev.switchman.core.command;

import java.util.Collection;
import java.util.Optional;

/** The closest known word to a mistyped one: a unique prefix, else the smallest edit distance within reason. */
public final class DidYouMean {

    private DidYouMean() {
    }

    public static Optional<String> closest(String typed, Collection<String> known) {
        if (typed == null || typed.isEmpty() || known.isEmpty()) {
            return Optional.empty();
        }
        String t = typed.toLowerCase();
        var prefixed = known.stream().filter(k -> k.toLowerCase().startsWith(t)).toList();
        if (prefixed.size() == 1) {
            return Optional.of(prefixed.get(0));
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(t, k.toLowerCase());
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        int limit = Math.max(2, typed.length() / 3);
        return bestDistance <= limit ? Optional.of(best) : Optional.empty();
    }

    /** " — did you mean 'x'?" or "; expected one of [a, b]" (short lists) or "". */
    public static String hint(String typed, Collection<String> known) {
        Optional<String> c = closest(typed, known);
        if (c.isPresent()) {
            return "; did you mean '" + c.get() + "'?";
        }
        if (!known.isEmpty() && known.size() <= 12) {
            return "; expected one of " + known.stream().sorted().toList();
        }
        return "";
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    cur[j] = Math.min(cur[j], prev[j - 1]);
                }
            }
            int[] tmp = prev;
            prev = cur;
            cur = tmp;
        }
        return prev[b.length()];
    }
}
