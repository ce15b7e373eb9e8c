package dev.switchman.app.cli;

import dev.switchman.app.config.ConsoleOptions;
import dev.switchman.core.check.CheckProviders;
import dev.switchman.core.secret.Secrets;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The command line. One-shot commands ({@code validate}, {@code probe}, {@code check}, ...) run here
 * in plain Java, without starting Spring, so they start fast and print only their results on
 * stdout; the console and {@code serve} start Spring through {@link Booter}.
 */
public final class Cli {

    /** Starts the Spring application for the long-running modes; returns the exit code. */
    @FunctionalInterface
    public interface Booter {
        int boot(ConsoleOptions options);
    }

    static final Args.Spec CONSOLE_SPEC = Args.Spec.of("console", Set.of("as", "runbooks", "script"), Set.of());

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    /** System property set by {@code --debug}: stack traces and Spring's start-up report are shown. */
    public static final String DEBUG_PROPERTY = "switchman.debug";

    private final Booter booter;
    private final Clock clock;

    public Cli(InputStream in, PrintStream out, PrintStream err, Booter booter, Clock clock) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.booter = booter;
        this.clock = clock;
    }

    public int run(String... argv) {
        List<String> all = Arrays.asList(argv);
        boolean debug = all.contains("--debug");
        if (debug) {
            System.setProperty(DEBUG_PROPERTY, "true");
        }
        List<String> args = all.stream().filter(a -> !a.equals("--debug")).toList();
        String command = args.isEmpty() ? "" : args.get(0);
        List<String> rest = args.isEmpty() ? List.of() : args.subList(1, args.size());
        try {
            return switch (command) {
                case "", "console" -> console(command.isEmpty() ? args : rest);
                case "--help", "-h", "help" -> help(rest);
                case "validate" -> new ValidateCommand(out, err).run(rest);
                case "probe" -> new ProbeCommand(CheckProviders.load(), clock, in, out, err).run(rest);
                case "check" -> new CheckCommand(CheckProviders.load(), clock, out, err).run(rest);
                case "bench" -> new BenchCommand(out, err).run(rest);
                case "doctor" -> DoctorCommand.live(clock, out).run(rest);
                case "rehearse", "record", "serve", "agent" -> Integrations.run(command, rest, in, out, err);
                default -> command.startsWith("-") ? console(args) : unknown(command);
            };
        } catch (UsageException e) {
            err.println("switchman " + Secrets.message(e));
            err.println("(switchman " + (command.isEmpty() || command.startsWith("-") ? "" : command + " ") + "--help for usage)");
            return ExitCodes.FAILED;
        } catch (Exception e) {
            String cause = StartupFailure.sentence(e);
            err.println(Secrets.redact(cause != null ? "switchman: " + cause
                    : "switchman " + command + ": " + e.getClass().getSimpleName() + ": " + Secrets.message(e)));
            if (debug) {
                err.print(Secrets.stackTrace(e));
            } else if (cause != null) {
                err.println("(run with --debug for the details)");
            }
            return ExitCodes.FAILED;
        }
    }

    private int console(List<String> argv) {
        Args args = Args.parse(CONSOLE_SPEC, argv);
        if (args.help()) {
            out.println(Usage.CONSOLE);
            return ExitCodes.OK;
        }
        if (!args.positionals().isEmpty()) {
            String first = args.positionals().get(0);
            return unknown(first);
        }
        String script = args.value("script", null);
        if (script != null && !script.equals("-") && !java.nio.file.Files.isReadable(java.nio.file.Path.of(script))) {
            err.println("switchman console: --script " + script + ": no such readable file");
            return ExitCodes.FAILED;
        }
        return booter.boot(new ConsoleOptions(args.value("as", null), args.values("runbooks"), args.value("script", null)));
    }

    private int help(List<String> rest) {
        if (rest.isEmpty()) {
            out.println(Usage.MAIN);
            return ExitCodes.OK;
        }
        String[] withHelp = new String[] {rest.get(0), "--help"};
        return run(withHelp);
    }

    private int unknown(String command) {
        err.println("switchman: unknown command '" + command + "'; expected one of console, validate, probe, check, rehearse, record, bench, serve, doctor, agent");
        err.println("(switchman --help for usage)");
        return ExitCodes.FAILED;
    }
}
