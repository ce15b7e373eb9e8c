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

    /**
     * Appends {@code events} to run {@code runId} as one unit, all or none: on return every one of them
     * is durably stored with consecutive sequences after the run's last event, in the given order; on an
     * exception ({@link EventStoreException} for a store failure) none of them is, and a reader never
     * sees only some of them. This is how a run records one state transition that spans several events
     * (a rollback order and the first rollback step, a phase completed and the cutover, an override and
     * the step it completes, a command and what it did), so a crash or a failed write can only leave the
     * log before or after the whole transition.
     * <p>If an event of the batch carries an idempotency key the run already holds, nothing is appended
     * and the result is empty (the transition was recorded before). Otherwise the result is the stored
     * events, one per element of {@code events}, in order. An empty batch appends nothing.
     */
    List<Event> appendAll(String runId, List<NewEvent> events);

    /**
     * Appends an event whose payload is written only when the store keeps it (the simulator's
     * compacting store drops superseded check results unwritten). {@code key} is what the store may
     * compact by (the check id of a result); there is no idempotency key. Returns the sequence; the
     * payload, once written, is exactly {@code payload.get()}. The default writes it at once.
     */
    default long appendDeferred(String runId, String type, String key, java.util.function.Supplier<String> payload,
                                String actor, java.time.Instant at) {
        return append(runId, type, payload.get(), actor, at, null).sequence();
    }

    /** All events of a run in sequence order. */
    List<Event> read(String runId);

    /** Run ids, oldest first. */
    List<String> runs();

    Optional<Event> findByIdempotencyKey(String runId, String key);

    @Override
    default void close() {
    }
}
