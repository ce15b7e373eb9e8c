package dev.switchman.app.cli;

import dev.switchman.app.config.Settings;
import dev.switchman.core.event.EventStore;
import dev.switchman.simulator.Rehearsal;
import dev.switchman.simulator.record.Recorder;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Subcommands served by other modules: {@code rehearse} and {@code record} (simulator), {@code serve}
 * ({@link ServeCommand}: the chat backends); {@code agent} is not in this build and says so (exit 2). All run without Spring. {@code bench}
 * is {@link BenchCommand}.
 */
final class Integrations {

    static final Args.Spec REHEARSE = Args.Spec.of("rehearse", Set.of("report", "format"), Set.of());
    static final Args.Spec RECORD = Args.Spec.of("record", Set.of("out", "runbook"), Set.of());

    private Integrations() {
    }

    static int run(String command, List<String> args, InputStream in, PrintStream out, PrintStream err) {
        return switch (command) {
            case "rehearse" -> rehearse(Args.parse(REHEARSE, args), out, err);
            case "record" -> record(Args.parse(RECORD, args), out, err);
            case "serve" -> new ServeCommand(System.getenv(), java.time.Clock.systemUTC(), out, err).run(args);
            case "agent" -> notInBuild(command, args, out, err, Usage.AGENT, "this build has no agent yet");
            default -> throw new UsageException("unknown command '" + command + "'");
        };
    }

    private static int notInBuild(String command, List<String> args, PrintStream out, PrintStream err, String usage, String why) {
        if (args.contains("--help") || args.contains("-h")) {
            out.println(usage);
            return ExitCodes.OK;
        }
        err.println("switchman " + command + ": " + why);
        return ExitCodes.NOT_IN_BUILD;
    }

    private static int rehearse(Args args, PrintStream out, PrintStream err) {
        if (args.help()) {
            out.println(Usage.REHEARSE);
            return ExitCodes.OK;
        }
        boolean json = args.json();
        if (args.positionals().size() != 1) {
            throw new UsageException("rehearse: expected one SCENARIO file, got " + args.positionals().size());
        }
        Path scenario = Path.of(args.positionals().get(0));
        if (!Files.isRegularFile(scenario)) {
            err.println(scenario + ":0:0: error: no such file");
            return Rehearsal.INVALID; // not 1: that says the rules missed an expectation
        }
        String report = args.value("report", null);
        Rehearsal.Options options = Rehearsal.Options.defaults().withJson(json);
        if (report != null) {
            options = options.withReport(Path.of(report));
        }
        Rehearsal.Outcome outcome = Rehearsal.run(scenario, options);
        out.println(outcome.output());
        return outcome.exitCode();
    }

    private static int record(Args args, PrintStream out, PrintStream err) {
        if (args.help()) {
            out.println(Usage.RECORD);
            return ExitCodes.OK;
        }
        if (args.positionals().size() != 1) {
            throw new UsageException("record: expected one RUN-ID, got " + args.positionals().size());
        }
        String file = args.value("out", null);
        if (file == null) {
            throw new UsageException("record: missing --out FILE (where to write the scenario)");
        }
        String runbook = args.value("runbook", null);
        Settings settings = Settings.from(System.getenv(), Path.of("").toAbsolutePath(), List.of());
        try (EventStore store = settings.openStore()) {
            Path written = Recorder.record(store, args.positionals().get(0), Path.of(file), runbook == null ? null : Path.of(runbook));
            out.println("recorded run " + args.positionals().get(0) + " as " + written);
            return ExitCodes.OK;
        } catch (IllegalArgumentException e) {
            err.println("switchman record: " + e.getMessage());
            return ExitCodes.FAILED;
        }
    }
}
