package dev.switchman.app.crash;

import dev.switchman.core.event.Event;
import dev.switchman.core.event.EventStore;
import dev.switchman.core.event.Outbox;
import dev.switchman.core.event.OutboxEntry;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A store that "dies" right after its {@code killAfter}-th committed append: that append is in the
 * database, but its caller never hears back, and every later call fails with {@link Killed}, as if
 * the JVM had been halted at that event boundary. {@code killAfter <= 0} never dies (it only counts).
 */
final class CrashingEventStore implements EventStore, Outbox {

    /** The simulated death of the process: an Error, so nothing in the bot mistakes it for a recoverable failure. */
    static final class Killed extends Error {
        Killed(String message) {
            super(message, null, false, false);
        }
    }

    private final EventStore delegate;
    private final int killAfter;
    private final Map<String, Long> lastSequence = new HashMap<>();
    private int committed;
    private volatile boolean dead;

    CrashingEventStore(EventStore delegate, int killAfter) {
        this.delegate = delegate;
        this.killAfter = killAfter;
    }

    /** Events appended (committed) so far through this store. */
    synchronized int committed() {
        return committed;
    }

    boolean dead() {
        return dead;
    }

    private void alive() {
        if (dead) {
            throw new Killed("the bot was killed after event " + killAfter);
        }
    }

    @Override
    public synchronized Event append(String runId, String type, String payload, String actor, Instant at, String idempotencyKey) {
        alive();
        Event e = delegate.append(runId, type, payload, actor, at, idempotencyKey);
        if (e.sequence() > lastSequence.getOrDefault(runId, 0L)) {
            lastSequence.put(runId, e.sequence());
            committed++;
            if (committed == killAfter) {
                dead = true;
                throw new Killed("killed right after event " + committed + " (" + type + ") committed");
            }
        }
        return e;
    }

    @Override
    public long appendDeferred(String runId, String type, String key, Supplier<String> payload, String actor, Instant at) {
        return append(runId, type, payload.get(), actor, at, null).sequence();
    }

    @Override
    public List<Event> read(String runId) {
        alive();
        return delegate.read(runId);
    }

    @Override
    public List<String> runs() {
        alive();
        return delegate.runs();
    }

    @Override
    public Optional<Event> findByIdempotencyKey(String runId, String key) {
        alive();
        return delegate.findByIdempotencyKey(runId, key);
    }

    private Outbox outbox() {
        alive();
        return (Outbox) delegate;
    }

    @Override
    public OutboxEntry enqueue(String runId, String dedupeKey, String sink, String payload, Instant at) {
        return outbox().enqueue(runId, dedupeKey, sink, payload, at);
    }

    @Override
    public List<OutboxEntry> pending() {
        return outbox().pending();
    }

    @Override
    public void markDelivered(long id, Instant at) {
        outbox().markDelivered(id, at);
    }

    @Override
    public void markFailed(long id, String error) {
        outbox().markFailed(id, error);
    }

    /** Closes the database connection, as the operating system does for a killed process. */
    @Override
    public void close() {
        dead = true;
        delegate.close();
    }
}
