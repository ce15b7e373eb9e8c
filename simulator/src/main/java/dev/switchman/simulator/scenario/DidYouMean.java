package dev.switchman.simulator.scenario;

import dev.switchman.core.yaml.Suggestions;
import java.util.Collection;

/**
 * Suggests the closest known word for a misspelt one: core's {@link Suggestions} (edit distance),
 * or else a known word that the misspelt one is a prefix of (or the other way round).
 */
public final class DidYouMean {

    private DidYouMean() {
    }

    /** The suggestion, or null. */
    public static String suggest(String word, Collection<String> known) {
        return Suggestions.closest(word, known).orElseGet(() -> known.stream()
                .filter(k -> !word.isEmpty() && (k.startsWith(word) || word.startsWith(k)))
                .findFirst().orElse(null));
    }
}
