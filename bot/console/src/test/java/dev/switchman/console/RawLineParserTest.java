package dev.switchman.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.springframework.shell.core.command.ParsedInput;

class RawLineParserTest {

    private final RawLineParser parser = new RawLineParser();

    @Test
    void keepsTheRestOfTheLineAsTyped() {
        ParsedInput p = parser.parse("done backup  \"took 4m\" --force");
        assertEquals("done", p.commandName());
        assertEquals("backup  \"took 4m\" --force", RawLineParser.rest(p));
    }

    @Test
    void commandAloneHasNoArguments() {
        ParsedInput p = parser.parse("  status ");
        assertEquals("status", p.commandName());
        assertTrue(p.arguments().isEmpty());
    }

    @Test
    void loneHelpFlagIsTheHelpOption() {
        ParsedInput p = parser.parse("start --help");
        assertEquals(1, p.options().size());
        assertEquals("help", p.options().get(0).longName());
    }
}
