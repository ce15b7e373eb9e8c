package dev.switchman.core.event;

import java.util.List;
import java.util.Optional;

/**
 * Append-only log of run events. Implementations: in memory (tests, simulator) and JDBC
 * (H2 file by default, PostgreSQL in production; one Flyway schema).
 */
public interface EventStore extends AutoCloseable {

    /**
     * Appends an event with the next sequence of its run. If {@code idempotencyKey} is non-null and an
     * event of the same run already has it, nothing is appended and the existing event is returned.
     */
    Event append(String runId, String type, String payload, String actor, java.time.Instant at, String idempotencyKey);

    /** All events of a run in sequence order. */
    List<Event> read(String runId);

    /** Run ids, oldest first. */
    List<String> runs();

    Optional<Event> findByIdempotencyKey(String runId, String key);

    @Override
    default void close() {
    }
}
