package dev.switchman.core.event;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The event log in memory: tests and the simulator. Thread-safe; times truncated to microseconds like the JDBC store. */
public final class InMemoryEventStore implements EventStore, Outbox {

    private final Map<String, List<Event>> byRun = new LinkedHashMap<>();
    private final Map<String, Map<String, Event>> byKey = new HashMap<>();
    private final Map<Long, OutboxEntry> outbox = new LinkedHashMap<>();
    private long outboxSeq;

    @Override
    public synchronized Event append(String runId, String type, String payload, String actor, Instant at, String idempotencyKey) {
        if (idempotencyKey != null) {
            Event existing = byKey.getOrDefault(runId, Map.of()).get(idempotencyKey);
            if (existing != null) {
                return existing;
            }
        }
        List<Event> events = byRun.computeIfAbsent(runId, k -> new ArrayList<>());
        Event e = new Event(runId, events.size() + 1L, type, payload == null ? "{}" : payload, actor, at.truncatedTo(ChronoUnit.MICROS), idempotencyKey);
        events.add(e);
        if (idempotencyKey != null) {
            byKey.computeIfAbsent(runId, k -> new HashMap<>()).put(idempotencyKey, e);
        }
        return e;
    }

    /** All or nothing: the batch is checked for known idempotency keys before anything is added. */
    @Override
    public synchronized List<Event> appendAll(String runId, List<NewEvent> batch) {
        Map<String, Event> keys = byKey.getOrDefault(runId, Map.of());
        for (NewEvent n : batch) {
            if (n.idempotencyKey() != null && keys.containsKey(n.idempotencyKey())) {
                return List.of();
            }
        }
        List<Event> out = new ArrayList<>(batch.size());
        for (NewEvent n : batch) {
            out.add(append(runId, n.type(), n.payload(), n.actor(), n.at(), n.idempotencyKey()));
        }
        return out;
    }

    @Override
    public synchronized List<Event> read(String runId) {
        return List.copyOf(byRun.getOrDefault(runId, List.of()));
    }

    @Override
    public synchronized List<String> runs() {
        return List.copyOf(byRun.keySet());
    }

    @Override
    public synchronized Optional<Event> findByIdempotencyKey(String runId, String key) {
        return Optional.ofNullable(byKey.getOrDefault(runId, Map.of()).get(key));
    }

    @Override
    public synchronized OutboxEntry enqueue(String runId, String dedupeKey, String sink, String payload, Instant at) {
        for (OutboxEntry e : outbox.values()) {
            if (e.runId().equals(runId) && e.dedupeKey().equals(dedupeKey)) {
                return e;
            }
        }
        OutboxEntry e = new OutboxEntry(++outboxSeq, runId, dedupeKey, sink, payload, at.truncatedTo(ChronoUnit.MICROS), null, 0, null);
        outbox.put(e.id(), e);
        return e;
    }

    @Override
    public synchronized List<OutboxEntry> pending() {
        return outbox.values().stream().filter(e -> !e.delivered()).toList();
    }

    /** Every entry, delivered or not (tests). */
    public synchronized List<OutboxEntry> outboxEntries() {
        return Collections.unmodifiableList(new ArrayList<>(outbox.values()));
    }

    @Override
    public synchronized void markDelivered(long id, Instant at) {
        OutboxEntry e = outbox.get(id);
        if (e != null) {
            outbox.put(id, new OutboxEntry(id, e.runId(), e.dedupeKey(), e.sink(), e.payload(), e.createdAt(), at.truncatedTo(ChronoUnit.MICROS), e.attempts() + 1, e.lastError()));
        }
    }

    @Override
    public synchronized void markFailed(long id, String error) {
        OutboxEntry e = outbox.get(id);
        if (e != null) {
            outbox.put(id, new OutboxEntry(id, e.runId(), e.dedupeKey(), e.sink(), e.payload(), e.createdAt(), null, e.attempts() + 1, error));
        }
    }
}
