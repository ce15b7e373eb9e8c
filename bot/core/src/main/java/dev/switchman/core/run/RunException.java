package dev.switchman.core.run;

/** A command cannot be applied to the run as it stands; the message is the answer people read. */
public class RunException extends RuntimeException {
    public RunException(String message) {
        super(message);
    }

    public RunException(String message, Throwable cause) {
        super(message, cause);
    }
}
