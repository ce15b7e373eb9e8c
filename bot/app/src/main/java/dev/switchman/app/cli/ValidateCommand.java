package dev.switchman.app.cli;

import java.io.PrintStream;
import java.util.List;

/** Placeholder until the runbook loader lands. */
final class ValidateCommand {
    private final PrintStream out;
    private final PrintStream err;

    ValidateCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> argv) {
        err.println("switchman validate: this build has no runbook loader yet");
        return ExitCodes.NOT_IN_BUILD;
    }
}
