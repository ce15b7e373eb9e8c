package dev.switchman.checks.connection;

import dev.switchman.core.secret.Secrets;

/**
 * A connection could not be resolved or opened; the message names what failed and is safe to show:
 * credentials are masked by {@link Secrets#redact} when it is made (an exception may be logged or
 * printed before any result carries it).
 */
public final class ConnectionException extends RuntimeException {

    public ConnectionException(String message) {
        super(Secrets.redact(message));
    }

    public ConnectionException(String message, Throwable cause) {
        super(Secrets.redact(message), cause);
    }
}
