package dev.switchman.core.event;

import java.time.Instant;

/**
 * One outgoing message or notification waiting to be delivered. {@code dedupeKey} is unique per run
 * (re-enqueueing the same thing after a restart is a no-op); {@code sink} is where it goes
 * ({@code chat:#ops}, {@code email:ops@example.test}); {@code payload} is JSON.
 */
public record OutboxEntry(long id, String runId, String dedupeKey, String sink, String payload, Instant createdAt,
                          Instant deliveredAt, int attempts, String lastError) {

    public boolean delivered() {
        return deliveredAt != null;
    }
}
