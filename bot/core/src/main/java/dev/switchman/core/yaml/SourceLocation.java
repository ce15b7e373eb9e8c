package dev.switchman.core.yaml;

/** Where something was declared: file, 1-based line and column (0 when unknown). */
public record SourceLocation(String file, int line, int column) {

    public static final SourceLocation UNKNOWN = new SourceLocation("", 0, 0);

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
