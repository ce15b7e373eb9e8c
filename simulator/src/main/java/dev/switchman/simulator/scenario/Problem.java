package dev.switchman.simulator.scenario;

import dev.switchman.core.runbook.SourceLocation;

/** A problem found in a scenario file: where, how bad, and what was expected. */
public record Problem(SourceLocation location, Severity severity, String message) {

    public enum Severity { ERROR, WARNING }

    public static Problem error(SourceLocation at, String message) {
        return new Problem(at, Severity.ERROR, message);
    }

    public static Problem warning(SourceLocation at, String message) {
        return new Problem(at, Severity.WARNING, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return location + ": " + severity.name().toLowerCase() + ": " + message;
    }
}
