package dev.switchman.core.yaml;

import java.util.Comparator;
import java.util.Objects;

/**
 * One problem found in an input file: where (file, 1-based line and column; 0 when unknown), how bad,
 * and a message that says what was expected. {@link #toString()} is the compiler-style
 * {@code file:line:col: error: message} that {@code switchman validate} prints.
 */
public record Problem(String file, int line, int column, Severity severity, String message) {

    /** ERROR makes the input unusable; WARNING is worth reading but the input still loads. */
    public enum Severity {
        ERROR, WARNING;

        String label() {
            return this == ERROR ? "error" : "warning";
        }
    }

    /** Orders problems by file, line, column. */
    public static final Comparator<Problem> BY_POSITION = Comparator.comparing(Problem::file)
            .thenComparingInt(Problem::line).thenComparingInt(Problem::column);

    public Problem {
        file = file == null ? "" : file;
        Objects.requireNonNull(severity, "severity");
        // a message may echo a value from the file (a URL with its password): never shown
        message = dev.switchman.core.secret.Secrets.redact(Objects.requireNonNull(message, "message"));
    }

    public static Problem error(SourceLocation at, String message) {
        SourceLocation l = at == null ? SourceLocation.UNKNOWN : at;
        return new Problem(l.file(), l.line(), l.column(), Severity.ERROR, message);
    }

    public static Problem warning(SourceLocation at, String message) {
        SourceLocation l = at == null ? SourceLocation.UNKNOWN : at;
        return new Problem(l.file(), l.line(), l.column(), Severity.WARNING, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    public SourceLocation location() {
        return new SourceLocation(file, line, column);
    }

    /** {@code file:line:col: error: message} (or {@code warning:}). */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + severity.label() + ": " + message;
    }
}
