package dev.switchman.app.cli;

import dev.switchman.core.check.CheckProviders;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;

/** Placeholder until the runbook loader lands. */
final class CheckCommand {
    private final PrintStream err;
    private final PrintStream out;

    CheckCommand(CheckProviders providers, Clock clock, PrintStream out, PrintStream err) {
        this.err = err;
        this.out = out;
    }

    int run(List<String> argv) {
        if (argv.contains("--help") || argv.contains("-h")) {
            out.println(Usage.CHECK);
            return ExitCodes.OK;
        }
        err.println("switchman check: this build has no runbook loader yet");
        return ExitCodes.NOT_IN_BUILD;
    }
}
