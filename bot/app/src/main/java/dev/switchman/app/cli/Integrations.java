package dev.switchman.app.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;

/**
 * Subcommands served by other modules (simulator, rules, chat backends, agent). Each answers
 * {@code --help}; one whose module is not in this build says so and exits 2.
 */
final class Integrations {

    private Integrations() {
    }

    static int run(String command, List<String> args, InputStream in, PrintStream out, PrintStream err) throws Exception {
        String usage = switch (command) {
            case "rehearse" -> "usage: switchman rehearse SCENARIO [--report DIR] [--format json]   exit 0 iff expectations hold";
            case "record" -> "usage: switchman record RUN-ID --out FILE   export a run as a scenario";
            case "bench" -> "usage: switchman bench rules|replay|dns [--format json]";
            case "serve" -> "usage: switchman serve   run the configured chat backends (Slack, Discord) and HTTP endpoints";
            case "agent" -> "usage: switchman agent --name NAME --bot URL   run assigned checks on this host";
            default -> throw new UsageException("unknown command '" + command + "'");
        };
        if (args.contains("--help") || args.contains("-h")) {
            out.println(usage);
            return ExitCodes.OK;
        }
        String missing = switch (command) {
            case "rehearse", "record" -> "this build has no simulator yet";
            case "bench" -> "this build has no benchmarks yet";
            case "serve" -> "this build has no Slack or Discord backend yet";
            default -> "this build has no agent yet";
        };
        err.println("switchman " + command + ": " + missing);
        return ExitCodes.NOT_IN_BUILD;
    }
}
