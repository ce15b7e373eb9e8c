package dev.switchman.simulator.replay;

import dev.switchman.core.event.Event;
import dev.switchman.core.event.EventStore;
import dev.switchman.core.event.NewEvent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The rehearsal's event store: every event is appended like in the live store, but of a check's
 * results only the latest is kept (a 72-hour replay appends a million results; memory stays flat).
 * What a restarted bot needs to resume - steps, approvals, decisions, the latest result of each
 * check - is all there. Sequences stay increasing; superseded results leave gaps. Times are kept to the
 * microsecond like the live stores; {@link #appendAll} is all or nothing (held to core's EventStoreContract).
 */
public final class CompactingEventStore implements EventStore {

    private static final String CHECK_RESULT = "CHECK_RESULT";

    /** A result appended with {@link #appendDeferred}: its payload is written when it is read. */
    private record Pending(String runId, long sequence, String type, String checkId, Supplier<String> payload, String actor, Instant at) {
        Event toEvent() {
            return new Event(runId, sequence, type, payload.get(), actor, at, null);
        }
    }

    private static final class Run {
        /** {@link Event}s and {@link Pending} results; null where a result was superseded. */
        final List<Object> events = new ArrayList<>();
        final Map<String, Integer> latestResult = new HashMap<>();
        final Map<String, Event> byKey = new HashMap<>();
        long sequence;
        int holes;
        long appended;
    }

    private final Map<String, Run> runs = new LinkedHashMap<>();

    @Override
    public synchronized Event append(String runId, String type, String payload, String actor, Instant at, String idempotencyKey) {
        Run r = runs.computeIfAbsent(runId, k -> new Run());
        if (idempotencyKey != null) {
            Event existing = r.byKey.get(idempotencyKey);
            if (existing != null) {
                return existing;
            }
        }
        Event e = new Event(runId, ++r.sequence, type, payload == null ? "{}" : payload, actor, at.truncatedTo(ChronoUnit.MICROS), idempotencyKey);
        add(r, type, CHECK_RESULT.equals(type) ? checkId(payload) : null, e);
        if (idempotencyKey != null) {
            r.byKey.put(idempotencyKey, e);
        }
        return e;
    }

    /** All or nothing: a known idempotency key in the batch appends none of it. */
    @Override
    public synchronized List<Event> appendAll(String runId, List<NewEvent> batch) {
        Run r = runs.computeIfAbsent(runId, k -> new Run());
        for (NewEvent n : batch) {
            if (n.idempotencyKey() != null && r.byKey.containsKey(n.idempotencyKey())) {
                return List.of();
            }
        }
        List<Event> out = new ArrayList<>(batch.size());
        for (NewEvent n : batch) {
            out.add(append(runId, n.type(), n.payload(), n.actor(), n.at(), n.idempotencyKey()));
        }
        return out;
    }

    /** A check result is kept unwritten; only the latest of each check is ever written (when read). */
    @Override
    public synchronized long appendDeferred(String runId, String type, String key, Supplier<String> payload, String actor, Instant at) {
        Run r = runs.computeIfAbsent(runId, k -> new Run());
        long seq = ++r.sequence;
        add(r, type, CHECK_RESULT.equals(type) ? key : null, new Pending(runId, seq, type, key, payload, actor, at.truncatedTo(ChronoUnit.MICROS)));
        return seq;
    }

    private static void add(Run r, String type, String check, Object entry) {
        r.appended++;
        if (check != null) {
            Integer old = r.latestResult.put(check, r.events.size());
            if (old != null) {
                r.events.set(old, null);
                r.holes++;
            }
        }
        r.events.add(entry);
        if (r.holes > 1024 && r.holes > r.events.size() / 2) {
            compact(r);
        }
    }

    private static void compact(Run r) {
        List<Object> kept = new ArrayList<>(r.events.size() - r.holes + 16);
        r.latestResult.clear();
        for (Object o : r.events) {
            if (o instanceof Pending p) {
                if (CHECK_RESULT.equals(p.type())) {
                    r.latestResult.put(p.checkId(), kept.size());
                }
                kept.add(p);
            } else if (o instanceof Event e) {
                if (CHECK_RESULT.equals(e.type())) {
                    r.latestResult.put(checkId(e.payload()), kept.size());
                }
                kept.add(e);
            }
        }
        r.events.clear();
        r.events.addAll(kept);
        r.holes = 0;
    }

    static String checkId(String payload) {
        int i = payload.indexOf("\"checkId\":\"");
        if (i < 0) {
            return "";
        }
        int from = i + 11;
        int to = payload.indexOf('"', from);
        return to < 0 ? "" : payload.substring(from, to);
    }

    @Override
    public synchronized List<Event> read(String runId) {
        Run r = runs.get(runId);
        if (r == null) {
            return List.of();
        }
        List<Event> out = new ArrayList<>(r.events.size());
        for (int i = 0; i < r.events.size(); i++) {
            Object o = r.events.get(i);
            if (o instanceof Pending p) {
                Event e = p.toEvent();
                r.events.set(i, e);
                out.add(e);
            } else if (o instanceof Event e) {
                out.add(e);
            }
        }
        return out;
    }

    @Override
    public synchronized List<String> runs() {
        return List.copyOf(runs.keySet());
    }

    @Override
    public synchronized Optional<Event> findByIdempotencyKey(String runId, String key) {
        Run r = runs.get(runId);
        return r == null ? Optional.empty() : Optional.ofNullable(r.byKey.get(key));
    }

    /** How many events were appended to a run, superseded results included. */
    public synchronized long appended(String runId) {
        Run r = runs.get(runId);
        return r == null ? 0 : r.appended;
    }
}
