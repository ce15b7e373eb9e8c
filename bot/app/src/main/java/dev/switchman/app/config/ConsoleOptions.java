package dev.switchman.app.config;

import java.util.List;

/**
 * How the console was asked to run: acting user ({@code --as}, null: the OS user), extra runbook
 * folders, and a script (a file, {@code -} for stdin, null: interactive).
 */
public record ConsoleOptions(String as, List<String> runbookDirs, String script) {

    public ConsoleOptions {
        runbookDirs = runbookDirs == null ? List.of() : List.copyOf(runbookDirs);
    }

    public boolean interactive() {
        return script == null;
    }
}
