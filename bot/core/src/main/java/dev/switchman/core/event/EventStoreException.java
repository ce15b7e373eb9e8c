package dev.switchman.core.event;

/** The event store could not do what was asked (the message never contains a password). */
public class EventStoreException extends RuntimeException {
    public EventStoreException(String message, Throwable cause) {
        super(dev.switchman.core.secret.Secrets.redact(message), cause);
    }
}
