package dev.switchman.core.event;

import java.time.Instant;
import java.util.List;

/**
 * Outgoing messages and notifications kept until delivered, so a crash between "decided to tell"
 * and "told" re-sends on restart. Every {@link EventStore} implementation of ours is also an Outbox.
 */
public interface Outbox {

    /** Enqueues; if the run already has an entry with {@code dedupeKey} that entry is returned instead. */
    OutboxEntry enqueue(String runId, String dedupeKey, String sink, String payload, Instant at);

    /** Entries not yet delivered, oldest first. */
    List<OutboxEntry> pending();

    void markDelivered(long id, Instant at);

    /** Records a failed attempt (the error text must not contain secrets). */
    void markFailed(long id, String error);
}
