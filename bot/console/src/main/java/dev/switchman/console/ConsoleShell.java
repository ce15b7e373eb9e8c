package dev.switchman.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.function.Supplier;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.LineReaderImpl;
import org.springframework.shell.core.InputReader;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandExecutionException;
import org.springframework.shell.core.command.CommandExecutor;
import org.springframework.shell.core.command.CommandNotFoundException;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.ExitStatus;
import org.springframework.shell.core.command.ParsedInput;

/**
 * The read-eval loop over Spring Shell's command registry. Interactive: a JLine reader with
 * completion and history; Ctrl-C clears the line, Ctrl-D or {@code exit} leaves; a line is always one
 * command (an unclosed quote is an error, never a continuation: {@link SingleLineParser}). Script: one
 * command per line from a reader (a file or stdin), echoed with the prompt, no terminal needed.
 */
public final class ConsoleShell {

    private final CommandRegistry registry;
    private final CommandParser parser;
    private final CommandExecutor executor;
    private final ConsoleSession session;

    public ConsoleShell(CommandRegistry registry, CommandParser parser, ConsoleSession session) {
        this.registry = registry;
        this.parser = parser;
        this.executor = new CommandExecutor(registry);
        this.session = session;
    }

    public String prompt() {
        return session.user().id() + "@switchman> ";
    }

    /** Runs until Ctrl-D or exit; returns the process exit code (0). */
    public int runInteractive(LineReader reader, Supplier<String> banner) {
        return runInteractive(reader, banner, () -> { });
    }

    /** Same, running {@code onReady} once the banner is out (background warm-ups that should not delay the prompt). */
    public int runInteractive(LineReader reader, Supplier<String> banner, Runnable onReady) {
        singleLine(reader);
        PrintWriter out = reader.getTerminal().writer();
        out.println(banner.get());
        out.flush();
        onReady.run();
        InputReader inputReader = new InputReader() {
        };
        while (true) {
            String line;
            try {
                line = reader.readLine(colourPrompt());
            } catch (UserInterruptException e) {
                continue;
            } catch (EndOfFileException e) {
                return 0;
            }
            if (line == null) {
                return 0;
            }
            if (isExit(line)) {
                return 0;
            }
            execute(line, out, inputReader);
        }
    }

    /**
     * Runs commands from {@code in} until its end; returns 0, or 1 if a line named an unknown
     * command or failed (the rest still runs).
     */
    public int runScript(BufferedReader in, PrintWriter out, boolean echo) throws IOException {
        int code = 0;
        InputReader inputReader = new InputReader() {
        };
        String line;
        while ((line = in.readLine()) != null) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (echo) {
                out.println(prompt() + dev.switchman.core.secret.Secrets.redact(trimmed));
                out.flush();
            }
            if (isExit(trimmed)) {
                break;
            }
            ExitStatus status = execute(trimmed, out, inputReader);
            if (status.code() != 0) {
                code = 1;
            }
        }
        return code;
    }

    /** Executes one line; never throws for a bad command, prints what went wrong instead. */
    public ExitStatus execute(String line, PrintWriter out, InputReader inputReader) {
        String trimmed = line.strip();
        if (trimmed.isEmpty()) {
            return ExitStatus.OK;
        }
        ParsedInput parsed = parser.parse(trimmed);
        try {
            ExitStatus status = executor.execute(new CommandContext(parsed, registry, out, inputReader));
            out.flush();
            return status;
        } catch (CommandNotFoundException e) {
            out.println("unknown command '" + parsed.commandName() + "'; type help to list the commands");
            out.flush();
            return ExitStatus.USAGE_ERROR;
        } catch (CommandExecutionException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            out.println("command '" + parsed.commandName() + "' failed: " + cause.getMessage());
            out.flush();
            return ExitStatus.EXECUTION_ERROR;
        }
    }

    /** One line is one command: an open quote never makes the reader continue onto the next line. */
    static void singleLine(LineReader reader) {
        if (reader instanceof LineReaderImpl impl) {
            impl.setParser(SingleLineParser.wrap(impl.getParser()));
        }
    }

    private String colourPrompt() {
        return "\u001b[1;36m" + session.user().id() + "\u001b[0m@switchman> ";
    }

    private static boolean isExit(String line) {
        String t = line.strip();
        return t.equalsIgnoreCase("exit") || t.equalsIgnoreCase("quit");
    }
}
