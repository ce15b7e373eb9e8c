package dev.switchman.app.cli;

import dev.switchman.core.check.CheckProviders;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;

/** Placeholder until the runbook loader lands. */
final class CheckCommand {
    private final PrintStream err;

    CheckCommand(CheckProviders providers, Clock clock, PrintStream out, PrintStream err) {
        this.err = err;
    }

    int run(List<String> argv) {
        err.println("switchman check: this build has no runbook loader yet");
        return ExitCodes.NOT_IN_BUILD;
    }
}
