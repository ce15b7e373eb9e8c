package dev.switchman.core.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {

    private static List<String> words(String line) {
        return Tokenizer.tokenize(line).stream().map(Token::text).toList();
    }

    @Test
    void splitsOnBlanksAndGroupsDoubleAndSingleQuotes() {
        assertEquals(List.of("done", "backup", "took 4 min"), words("done backup \"took 4 min\""));
        assertEquals(List.of("rollback", "it's broken"), words("rollback \"it's broken\""));
        assertEquals(List.of("notify", "execs", "say \"hi\""), words("notify execs 'say \"hi\"'"));
        assertEquals(List.of("a", "b"), words("  a\t  b  "));
    }

    @Test
    void backslashEscapesInsideDoubleQuotes() {
        assertEquals(List.of("go", "a \"quoted\" word"), words("go \"a \\\"quoted\\\" word\""));
    }

    @Test
    void acceptsTypographicQuotesFromPhones() {
        assertEquals(List.of("done", "x", "took 4 min"), words("done x \u201Ctook 4 min\u201D"));
    }

    @Test
    void quotesJoinAdjacentTextIntoOneWord() {
        assertEquals(List.of("note=a b"), words("note=\"a b\""));
    }

    @Test
    void keepsAnEmptyQuotedWord() {
        assertEquals(List.of("go", ""), words("go \"\""));
        assertTrue(Tokenizer.tokenize("go \"\"").get(1).quoted());
        assertFalse(Tokenizer.tokenize("go x").get(1).quoted());
    }

    @Test
    void rejectsAnUnclosedQuoteNamingTheColumn() {
        CommandException e = assertThrows(CommandException.class, () -> Tokenizer.tokenize("done x \"took 4"));
        assertTrue(e.getMessage().contains("column 8"), e.getMessage());
        e = assertThrows(CommandException.class, () -> Invocation.parse("done verify-dns \"took 4 min"));
        assertTrue(e.getMessage().startsWith("unclosed quote opened at column 17: expected a closing \""), e.getMessage());
        e = assertThrows(CommandException.class, () -> Invocation.parse("rollback 'lag"));
        assertTrue(e.getMessage().startsWith("unclosed quote opened at column 10: expected a closing '"), e.getMessage());
    }

    @Test
    void parsesYesAsAnOptionOnlyWhenUnquoted() {
        Invocation a = Invocation.parse("rollback --yes lag");
        assertTrue(a.yes());
        assertEquals(List.of("lag"), a.args());
        Invocation b = Invocation.parse("rollback \"--yes\"");
        assertFalse(b.yes());
        assertEquals(List.of("--yes"), b.args());
        assertTrue(Invocation.parse("GO -y").yes());
        assertEquals("go", Invocation.parse("GO -y").name());
    }

    @Test
    void rejectsUnknownOptionsNamingCommandAndArgument() {
        CommandException e = assertThrows(CommandException.class, () -> Invocation.parse("go --force"));
        assertEquals("go", e.command());
        assertEquals("--force", e.argument());
        assertTrue(e.getMessage().contains("expected --yes"), e.getMessage());
    }
}
