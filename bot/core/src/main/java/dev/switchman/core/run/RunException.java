package dev.switchman.core.run;

/** A command cannot be applied to the run as it stands; the message says why and what to do. */
public class RunException extends RuntimeException {
    public RunException(String message) {
        super(message);
    }
}
