package dev.switchman.core.event;

import java.time.Instant;

/**
 * An event to append: everything but its sequence, which the store assigns.
 * {@code payload} is JSON (null is stored as {@code {}}); {@code idempotencyKey} may be null.
 */
public record NewEvent(String type, String payload, String actor, Instant at, String idempotencyKey) {

    public NewEvent(String type, String payload, String actor, Instant at) {
        this(type, payload, actor, at, null);
    }
}
