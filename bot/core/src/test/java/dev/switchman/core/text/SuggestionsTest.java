package dev.switchman.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    @Test
    void suggestsTheNearestWordBySwapsAndTypos() {
        assertEquals("status", Suggestions.closest("stauts", List.of("status", "start", "done")).orElseThrow());
        assertEquals("interval", Suggestions.closest("intervall", List.of("id", "interval")).orElseThrow());
        assertEquals(1, Suggestions.distance("stauts", "status"));
        assertEquals(3, Suggestions.distance("kitten", "sitting"));
    }

    @Test
    void suggestsTheOnlyWordATypedPrefixStarts() {
        assertEquals("rollback", Suggestions.closest("roll", List.of("rollback", "runbooks")).orElseThrow());
    }

    @Test
    void suggestsTheLongestKnownWordTheTypedOneStartsWith() {
        assertEquals("rollback", Suggestions.closest("rollback-at-once", List.of("roll", "rollback", "done")).orElseThrow());
    }

    @Test
    void ignoresCase() {
        assertEquals("PASS", Suggestions.closest("pass", List.of("PASS", "FAIL")).orElseThrow());
        assertEquals("FAIL", Suggestions.closest("fial", List.of("PASS", "FAIL")).orElseThrow());
    }

    @Test
    void suggestsNothingForFarOrTinyWords() {
        assertTrue(Suggestions.closest("xyzzy", List.of("status", "done")).isEmpty());
        assertTrue(Suggestions.closest("zzz", List.of("id", "kind")).isEmpty());
        assertTrue(Suggestions.closest("xy", List.of("id")).isEmpty());
        assertTrue(Suggestions.closest("", List.of("id")).isEmpty());
    }

    @Test
    void hintListsShortVocabulariesWhenNothingIsClose() {
        assertEquals("; did you mean 'status'?", Suggestions.hint("stauts", List.of("status", "done")));
        assertEquals("; expected one of [done, status]", Suggestions.hint("xyzzy", List.of("status", "done")));
        assertEquals("", Suggestions.didYouMean("xyzzy", List.of("status", "done")));
    }
}
