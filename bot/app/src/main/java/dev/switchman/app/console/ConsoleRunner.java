package dev.switchman.app.console;

import dev.switchman.app.config.ConsoleOptions;
import dev.switchman.console.ConsoleShell;
import dev.switchman.console.SwitchableOutput;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.jline.reader.LineReader;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * Replaces Spring Shell's runner (bean name {@code springShellApplicationRunner}): runs the console
 * loop, interactive on the terminal or over a script, and keeps its exit code for {@code main}.
 */
public final class ConsoleRunner implements ApplicationRunner {

    private final ConsoleOptions options;
    private final ConsoleShell shell;
    private final ObjectProvider<LineReader> lineReader;
    private final SwitchableOutput output;
    private final Supplier<String> banner;
    private volatile int exitCode;
    private Runnable onReady = () -> { };

    public ConsoleRunner(ConsoleOptions options, ConsoleShell shell, ObjectProvider<LineReader> lineReader,
                         SwitchableOutput output, Supplier<String> banner) {
        this.options = options;
        this.shell = shell;
        this.lineReader = lineReader;
        this.output = output;
        this.banner = banner;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (options.interactive()) {
            LineReader reader = lineReader.getObject();
            output.switchTo(reader::printAbove);
            exitCode = shell.runInteractive(reader, banner, onReady);
            return;
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        try (Reader in = "-".equals(options.script())
                ? new InputStreamReader(System.in, StandardCharsets.UTF_8)
                : Files.newBufferedReader(Path.of(options.script()), StandardCharsets.UTF_8)) {
            out.println(banner.get());
            exitCode = shell.runScript(new BufferedReader(in), out, true);
        }
    }

    /** Runs once the interactive prompt is about to show (warm-ups that should not delay it). */
    public ConsoleRunner onReady(Runnable task) {
        this.onReady = task;
        return this;
    }

    public int exitCode() {
        return exitCode;
    }
}
