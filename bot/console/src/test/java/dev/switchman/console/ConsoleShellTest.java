package dev.switchman.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.chat.IncomingCommand;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.shell.core.command.CommandRegistry;

class ConsoleShellTest {

    private final List<IncomingCommand> received = new ArrayList<>();
    private final StringWriter printed = new StringWriter();
    private final ConsoleBackend backend = new ConsoleBackend(text -> printed.append(text).append('\n'), new AnsiRenderer(false));
    private final ConsoleSession session = new ConsoleSession(backend, Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC), "alice");
    private final CommandRegistry registry = new CommandRegistry();
    private final ConsoleShell shell;

    ConsoleShellTest() {
        backend.start((command, replier) -> {
            received.add(command);
            replier.reply(ChatMessage.text("ok " + command.text()));
        });
        for (ChatCommandSpec spec : ChatCommandSpec.standard()) {
            registry.registerCommand(new ChatShellCommand(spec, session, ConsoleCompletions.none()));
        }
        registry.registerCommand(new AsCommand(session));
        registry.registerCommand(new ConsoleHelpCommand(() -> registry.getCommands().stream().map(c -> c.getName()).toList()));
        shell = new ConsoleShell(registry, new RawLineParser(), session);
    }

    private int script(String text) throws Exception {
        return shell.runScript(new BufferedReader(new StringReader(text)), new PrintWriter(printed, true), true);
    }

    @Test
    void handsChatCommandsToTheBotAsTypedByTheActingUser() throws Exception {
        assertEquals(0, script("start hello-cutover\nas bob\ndone backup \"took 4m\"\n"));
        assertEquals(2, received.size());
        assertEquals("start hello-cutover", received.get(0).text());
        assertEquals("console:alice", received.get(0).user().qualifiedId());
        assertEquals("done backup \"took 4m\"", received.get(1).text());
        assertEquals("console:bob", received.get(1).user().qualifiedId());
        assertTrue(printed.toString().contains("ok start hello-cutover"), printed.toString());
    }

    @Test
    void unknownCommandIsNamedAndMakesTheScriptFail() throws Exception {
        assertEquals(1, script("frobnicate now\nstatus\n"));
        assertTrue(printed.toString().contains("unknown command 'frobnicate'"), printed.toString());
        assertEquals(1, received.size());
    }

    @Test
    void helpListsChatAndConsoleCommands() throws Exception {
        script("help\nhelp done\n");
        String out = printed.toString();
        assertTrue(out.contains("rollback"), out);
        assertTrue(out.contains("as "), out);
        assertTrue(out.contains("usage: done <step> [note]"), out);
    }

    @Test
    void rejectsAUserNameThatIsNotAnIdentifier() throws Exception {
        assertEquals(1, script("as bad name!\n"));
        assertEquals("console:alice", session.user().qualifiedId());
    }

    @Test
    void stopsAtExit() throws Exception {
        script("status\nexit\nstatus\n");
        assertEquals(1, received.size());
    }

    @Test
    @org.junit.jupiter.api.Timeout(60) // without the fix the reader waits for the closing quote forever
    void anUnclosedQuoteInTheInteractiveConsoleIsOneCommandNeverAContinuation() throws Exception {
        // the reader as Spring Shell configures it: its parser asks for more input after an open quote
        org.springframework.shell.jline.ExtendedDefaultParser springParser = new org.springframework.shell.jline.ExtendedDefaultParser();
        springParser.setEofOnUnclosedQuote(true);
        springParser.setEofOnEscapedNewLine(true);
        String typed = "done backup \"took 4 min\nas bob\napprove approve-it\nrollback --yes lag\nexit\n";
        java.io.ByteArrayOutputStream screen = new java.io.ByteArrayOutputStream();
        // keys typed ahead into a pipe that stays open (JLine stops at the end of a closed stream before reading what it holds)
        java.io.PipedOutputStream keys = new java.io.PipedOutputStream();
        java.io.PipedInputStream in = new java.io.PipedInputStream(keys, 4096);
        keys.write(typed.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        keys.flush();
        try (org.jline.terminal.Terminal terminal = org.jline.terminal.TerminalBuilder.builder().system(false).dumb(true)
                .streams(in, screen).build()) {
            org.jline.reader.LineReader reader = org.jline.reader.LineReaderBuilder.builder().terminal(terminal).parser(springParser).build();
            assertEquals(0, shell.runInteractive(reader, () -> "banner"));
        }
        assertEquals(List.of("done backup \"took 4 min", "approve approve-it", "rollback --yes lag"),
                received.stream().map(IncomingCommand::text).toList());
        assertEquals("console:bob", received.get(2).user().qualifiedId(), "the lines after the open quote ran as their own commands");
    }
}
