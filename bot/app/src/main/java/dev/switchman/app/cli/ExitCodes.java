package dev.switchman.app.cli;

import dev.switchman.core.check.CheckStatus;
import java.util.Collection;

/** The process exit codes every subcommand uses (docs/cli.md). */
public final class ExitCodes {

    /** Success; for probes and checks: every result PASS or WARN. */
    public static final int OK = 0;
    /** Errors in the input (validation problems, bad usage), or a check FAILed. */
    public static final int FAILED = 1;
    /** The subcommand is not part of this build. */
    public static final int NOT_IN_BUILD = 2;
    /** A check could not be measured: ERROR or UNKNOWN. */
    public static final int NOT_MEASURED = 3;

    private ExitCodes() {
    }

    public static int of(CheckStatus status) {
        return switch (status) {
            case PASS, WARN -> OK;
            case FAIL -> FAILED;
            case ERROR, UNKNOWN -> NOT_MEASURED;
        };
    }

    /** Several results: 1 if any FAIL, else 3 if any ERROR/UNKNOWN, else 0. */
    public static int of(Collection<CheckStatus> statuses) {
        if (statuses.stream().anyMatch(s -> s == CheckStatus.FAIL)) {
            return FAILED;
        }
        if (statuses.stream().anyMatch(s -> s == CheckStatus.ERROR || s == CheckStatus.UNKNOWN)) {
            return NOT_MEASURED;
        }
        return OK;
    }
}
