package dev.switchman.checks.connection;

/**
 * A connection could not be resolved or opened; the message is safe to show (credentials masked)
 * and names what failed.
 */
public final class ConnectionException extends RuntimeException {

    public ConnectionException(String message) {
        super(Redact.secrets(message));
    }

    public ConnectionException(String message, Throwable cause) {
        super(Redact.secrets(message), cause);
    }
}
