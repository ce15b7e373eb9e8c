package dev.switchman.app.bot;

import dev.switchman.core.event.Event;
import dev.switchman.core.event.EventStore;
import dev.switchman.core.event.NewEvent;
import dev.switchman.core.event.Outbox;
import dev.switchman.core.event.OutboxEntry;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The crash harness's kill switch (issue 9): a store that dies right after its {@code killAfter}-th
 * committed append. That append is in the database, but its caller never hears back: the store runs
 * {@code kill} (the app halts the JVM; tests throw {@link Killed}), and every later call fails with
 * {@link Killed}. {@code killAfter <= 0} never dies (it only counts). The app uses it only when
 * {@value #ENV} is set: a test hook, never set in production.
 */
public final class CrashPointEventStore implements EventStore, Outbox {

    /** The environment variable that arms the kill switch in the app: the number of the event after which the JVM halts. */
    public static final String ENV = "SWITCHMAN_CRASH_AFTER_EVENT";

    /** The simulated death of the process: an Error, so nothing in the bot mistakes it for a recoverable failure. */
    public static final class Killed extends Error {
        public Killed(String message) {
            super(message, null, false, false);
        }
    }

    private final EventStore delegate;
    private final int killAfter;
    private final Runnable kill;
    private final Map<String, Long> lastSequence = new HashMap<>();
    private int committed;
    private final java.util.List<Integer> commitPoints = new java.util.ArrayList<>();
    private volatile boolean dead;

    /** Dies after {@code killAfter} committed appends by throwing {@link Killed} (in-process tests). */
    public CrashPointEventStore(EventStore delegate, int killAfter) {
        this(delegate, killAfter, null);
    }

    /** Dies after {@code killAfter} committed appends by running {@code kill} (which should not return), then throwing {@link Killed}. */
    public CrashPointEventStore(EventStore delegate, int killAfter, Runnable kill) {
        this.delegate = delegate;
        this.killAfter = killAfter;
        this.kill = kill;
    }

    /**
     * {@code store} as is, unless {@value #ENV} names a positive event number: then a store that halts
     * the JVM (exit status 137, no shutdown hooks, like {@code kill -9}) right after that event commits.
     */
    public static EventStore armedFromEnvironment(EventStore store, Map<String, String> env) {
        String n = env.get(ENV);
        if (n == null || n.isBlank()) {
            return store;
        }
        int after = Integer.parseInt(n.trim());
        org.slf4j.LoggerFactory.getLogger(CrashPointEventStore.class).warn("{}={}: this bot halts right after event {} commits", ENV, after, after);
        return new CrashPointEventStore(store, after, () -> Runtime.getRuntime().halt(137));
    }

    /** Events appended (committed) so far through this store. */
    public synchronized int committed() {
        return committed;
    }

    /**
     * The event counts at which a commit ended, in order: one per single append, one per whole
     * {@code appendAll} batch. These are the only points a process can die between (a batch commits
     * whole or not at all), so they are the kill points worth exercising.
     */
    public synchronized java.util.List<Integer> commitPoints() {
        return java.util.List.copyOf(commitPoints);
    }

    /** True once the store has died. */
    public boolean dead() {
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
            commitPoints.add(committed);
            if (committed == killAfter) {
                dead = true;
                if (kill != null) {
                    kill.run();
                }
                throw new Killed("killed right after event " + committed + " (" + type + ") committed");
            }
        }
        return e;
    }

    /**
     * A batch is one transition, committed whole: the events inside it are not boundaries, so the store
     * dies right after the batch that holds the {@code killAfter}-th event.
     */
    @Override
    public synchronized List<Event> appendAll(String runId, List<NewEvent> events) {
        alive();
        List<Event> stored = delegate.appendAll(runId, events);
        if (stored.isEmpty()) {
            return stored;
        }
        int before = committed;
        lastSequence.put(runId, stored.get(stored.size() - 1).sequence());
        committed += stored.size();
        commitPoints.add(committed);
        if (before < killAfter && committed >= killAfter) {
            dead = true;
            if (kill != null) {
                kill.run();
            }
            throw new Killed("killed right after events " + (before + 1) + "-" + committed + " (" + events.get(0).type() + "...) committed");
        }
        return stored;
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
