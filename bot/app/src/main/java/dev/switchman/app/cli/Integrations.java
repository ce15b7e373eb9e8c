package dev.switchman.app.cli;

import dev.switchman.app.config.Settings;
import dev.switchman.checks.bench.DnsFanoutBench;
import dev.switchman.core.event.EventStore;
import dev.switchman.rules.bench.RulesBenchmark;
import dev.switchman.simulator.Rehearsal;
import dev.switchman.simulator.bench.ReplayBenchmark;
import dev.switchman.simulator.record.Recorder;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Subcommands served by other modules: {@code rehearse} and {@code record} (simulator),
 * {@code bench rules|replay|dns} (rules, simulator, checks); {@code serve} and {@code agent} are
 * not in this build and say so (exit 2). All run without Spring.
 */
final class Integrations {

    static final Args.Spec REHEARSE = Args.Spec.of("rehearse", Set.of("report", "format"), Set.of());
    static final Args.Spec RECORD = Args.Spec.of("record", Set.of("out", "runbook"), Set.of());
    static final Args.Spec BENCH = Args.Spec.of("bench", Set.of("format", "results", "hours", "checks", "interval", "names", "resolvers", "in-flight", "rounds"), Set.of());

    private Integrations() {
    }

    static int run(String command, List<String> args, InputStream in, PrintStream out, PrintStream err) {
        return switch (command) {
            case "rehearse" -> rehearse(Args.parse(REHEARSE, args), out, err);
            case "record" -> record(Args.parse(RECORD, args), out, err);
            case "bench" -> bench(Args.parse(BENCH, args), out, err);
            case "serve" -> notInBuild(command, args, out, err, Usage.SERVE, "this build has no Slack or Discord backend yet");
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
            return ExitCodes.FAILED;
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

    private static int bench(Args args, PrintStream out, PrintStream err) {
        if (args.help()) {
            out.println(Usage.BENCH);
            return ExitCodes.OK;
        }
        boolean json = args.json();
        if (args.positionals().size() != 1) {
            throw new UsageException("bench: expected one of rules, replay, dns");
        }
        Map<String, Object> result;
        int code = ExitCodes.OK;
        switch (args.positionals().get(0)) {
            case "rules" -> result = RulesBenchmark.run(integer(args, "results", 1_000_000));
            case "replay" -> result = ReplayBenchmark.run(integer(args, "hours", 72), integer(args, "checks", 50), args.value("interval", "10s"));
            case "dns" -> {
                result = DnsFanoutBench.run(integer(args, "names", 100), integer(args, "resolvers", 20), integer(args, "in-flight", 32), integer(args, "rounds", 3));
                code = Boolean.TRUE.equals(result.get("within-budget")) ? ExitCodes.OK : ExitCodes.FAILED;
            }
            default -> throw new UsageException("bench: unknown benchmark '" + args.positionals().get(0) + "'; expected one of rules, replay, dns");
        }
        if (json) {
            out.println(CheckOutput.toJson(result));
        } else {
            result.forEach((k, v) -> out.println(k + ": " + v));
        }
        return code;
    }

    private static int integer(Args args, String name, int fallback) {
        String v = args.value(name, null);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n <= 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(args.command() + ": --" + name + " must be a positive whole number, got '" + v + "'");
        }
    }
}
