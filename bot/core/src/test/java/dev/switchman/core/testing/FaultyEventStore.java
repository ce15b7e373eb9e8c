package dev.switchman.core.testing;

import dev.switchman.core.event.Event;
import dev.switchman.core.event.EventStore;
import dev.switchman.core.event.EventStoreException;
import dev.switchman.core.event.InMemoryEventStore;
import dev.switchman.core.event.NewEvent;
import dev.switchman.core.event.Outbox;
import dev.switchman.core.event.OutboxEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * An event store in front of an {@link InMemoryEventStore} that fails writes on purpose. Every write
 * (append, appendAll, appendDeferred, outbox enqueue) is one numbered boundary. {@link #killAt(int)}: the
 * n-th write and every later call fail, as if the process died there (a second handle on the same
 * {@link #base()} plays the restarted bot). {@link #failWrites(int, int)}: writes n .. n+count-1 fail,
 * then the store works again (a transient outage). Batches are kept for assertions.
 */
public final class FaultyEventStore implements EventStore, Outbox {

    private final InMemoryEventStore base;
    private int writes;
    private int killAt = Integer.MAX_VALUE;
    private int failFrom = Integer.MAX_VALUE;
    private int failTo = Integer.MIN_VALUE;
    private boolean dead;
    private String failType;
    private final List<List<String>> batches = new ArrayList<>();

    public FaultyEventStore(InMemoryEventStore base) {
        this.base = base;
    }

    public InMemoryEventStore base() {
        return base;
    }

    public synchronized FaultyEventStore killAt(int write) {
        this.killAt = write;
        return this;
    }

    public synchronized FaultyEventStore failWrites(int from, int count) {
        this.failFrom = from;
        this.failTo = from + count - 1;
        return this;
    }

    /** Every write of an event of {@code type} fails (a value the store refuses, say); other writes work. */
    public synchronized FaultyEventStore failType(String type) {
        this.failType = type;
        return this;
    }

    /** Writes attempted so far (failed ones included). */
    public synchronized int writes() {
        return writes;
    }

    public synchronized boolean dead() {
        return dead;
    }

    /** The event types of each successful append call, in order. */
    public synchronized List<List<String>> batches() {
        return List.copyOf(batches);
    }

    private synchronized void write(String what) {
        writes++;
        if (failType != null && what.contains(failType)) {
            throw new EventStoreException("injected failure for " + failType + " at write " + writes, null);
        }
        if (writes >= killAt) {
            dead = true;
        }
        if (dead || (writes >= failFrom && writes <= failTo)) {
            throw new EventStoreException("injected failure at write " + writes + " (" + what + ")", null);
        }
    }

    private synchronized void alive() {
        if (dead) {
            throw new EventStoreException("injected failure: the store is gone", null);
        }
    }

    @Override
    public Event append(String runId, String type, String payload, String actor, Instant at, String idempotencyKey) {
        write(type);
        Event e = base.append(runId, type, payload, actor, at, idempotencyKey);
        synchronized (this) {
            batches.add(List.of(type));
        }
        return e;
    }

    @Override
    public List<Event> appendAll(String runId, List<NewEvent> events) {
        write(events.stream().map(NewEvent::type).toList().toString());
        List<Event> out = base.appendAll(runId, events);
        synchronized (this) {
            batches.add(events.stream().map(NewEvent::type).toList());
        }
        return out;
    }

    @Override
    public long appendDeferred(String runId, String type, String key, Supplier<String> payload, String actor, Instant at) {
        write(type);
        long seq = base.appendDeferred(runId, type, key, payload, actor, at);
        synchronized (this) {
            batches.add(List.of(type));
        }
        return seq;
    }

    @Override
    public List<Event> read(String runId) {
        alive();
        return base.read(runId);
    }

    @Override
    public List<String> runs() {
        alive();
        return base.runs();
    }

    @Override
    public Optional<Event> findByIdempotencyKey(String runId, String key) {
        alive();
        return base.findByIdempotencyKey(runId, key);
    }

    @Override
    public OutboxEntry enqueue(String runId, String dedupeKey, String sink, String payload, Instant at) {
        write("outbox " + dedupeKey);
        return base.enqueue(runId, dedupeKey, sink, payload, at);
    }

    @Override
    public List<OutboxEntry> pending() {
        alive();
        return base.pending();
    }

    @Override
    public void markDelivered(long id, Instant at) {
        alive();
        base.markDelivered(id, at);
    }

    @Override
    public void markFailed(long id, String error) {
        alive();
        base.markFailed(id, error);
    }
}
