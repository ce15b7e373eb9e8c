package dev.switchman.app.cli;

/** Bad command line: names the command and the argument, says what was expected. Exit code 1. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
