package dev.switchman.app.serve;

/**
 * {@code switchman serve} cannot start: missing or invalid configuration, the port taken. The message is
 * one sentence naming the variable or the address, never a secret's value; the command prints it and
 * exits 1.
 */
public final class ServeException extends RuntimeException {

    public ServeException(String message) {
        super(message);
    }

    public ServeException(String message, Throwable cause) {
        super(message, cause);
    }
}
