package dev.switchman.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every event store must do; run against memory, H2 and PostgreSQL. */
public abstract class EventStoreContract {

    protected static final Instant T0 = Instant.parse("2026-11-22T10:00:00.123456789Z");

    protected EventStore store;
    protected String prefix;

    /** A fresh store; {@link #second()} opens another handle on the same data (another process) or null. */
    protected abstract EventStore open();

    protected EventStore second() {
        return null;
    }

    @BeforeEach
    void setUp() {
        store = open();
        prefix = "r" + Long.toHexString(System.nanoTime()) + "-";
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void appendsEventsWithConsecutiveSequencesPerRun() {
        Event a = store.append(prefix + "a", "T", "{\"x\":1}", "console:alice", T0, null);
        Event b = store.append(prefix + "a", "U", "{}", "switchman", T0.plusSeconds(1), null);
        Event c = store.append(prefix + "b", "T", "{}", "switchman", T0, null);
        assertEquals(1, a.sequence());
        assertEquals(2, b.sequence());
        assertEquals(1, c.sequence());
        List<Event> read = store.read(prefix + "a");
        assertEquals(List.of(a, b), read);
        assertEquals("{\"x\":1}", read.get(0).payload());
        assertEquals("console:alice", read.get(0).actor());
    }

    @Test
    void keepsTimesToTheMicrosecond() {
        Event a = store.append(prefix + "a", "T", "{}", "x", T0, null);
        assertEquals(Instant.parse("2026-11-22T10:00:00.123456Z"), a.at());
        assertEquals(a.at(), store.read(prefix + "a").get(0).at());
    }

    @Test
    void appliesAnIdempotencyKeyOncePerRun() {
        Event first = store.append(prefix + "a", "COMMAND", "{\"n\":1}", "x", T0, "key-1");
        Event again = store.append(prefix + "a", "COMMAND", "{\"n\":2}", "x", T0, "key-1");
        Event otherRun = store.append(prefix + "b", "COMMAND", "{}", "x", T0, "key-1");
        assertEquals(first, again);
        assertEquals(1, store.read(prefix + "a").size());
        assertEquals(1, otherRun.sequence());
        assertEquals(first, store.findByIdempotencyKey(prefix + "a", "key-1").orElseThrow());
        assertTrue(store.findByIdempotencyKey(prefix + "a", "nope").isEmpty());
    }

    @Test
    void listsRunsOldestFirst() {
        store.append(prefix + "old", "T", "{}", "x", T0, null);
        store.append(prefix + "new", "T", "{}", "x", T0.plusSeconds(5), null);
        List<String> mine = store.runs().stream().filter(r -> r.startsWith(prefix)).toList();
        assertEquals(List.of(prefix + "old", prefix + "new"), mine);
    }

    @Test
    void concurrentAppendsFromSeveralHandlesGetUniqueGaplessSequences() throws Exception {
        EventStore other = second();
        List<EventStore> handles = other == null ? List.of(store) : List.of(store, other);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Long>> futures = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                EventStore h = handles.get(i % handles.size());
                int n = i;
                futures.add(pool.submit(() -> h.append(prefix + "c", "T", "{\"i\":" + n + "}", "x", T0, n % 10 == 0 ? "k" + n : null).sequence()));
            }
            Set<Long> seqs = Collections.synchronizedSet(new TreeSet<>());
            for (Future<Long> f : futures) seqs.add(f.get(60, TimeUnit.SECONDS));
            assertEquals(80, seqs.size());
            assertEquals(LongStream.rangeClosed(1, 80).boxed().toList(), new ArrayList<>(seqs));
        } finally {
            pool.shutdownNow();
            if (other != null) other.close();
        }
    }

    @Test
    void appendAllStoresTheWholeBatchWithConsecutiveSequences() {
        store.append(prefix + "a", "T", "{}", "x", T0, null);
        List<Event> batch = store.appendAll(prefix + "a", List.of(
                new NewEvent("ROLLBACK_STARTED", "{\"reason\":\"r\"}", "console:carol", T0.plusSeconds(1), "cmd-1"),
                new NewEvent("NOTIFIED", "{}", "switchman", T0.plusSeconds(1)),
                new NewEvent("STEP_STARTED", null, "switchman", T0.plusSeconds(1))));
        assertEquals(List.of(2L, 3L, 4L), batch.stream().map(Event::sequence).toList());
        assertEquals("{}", batch.get(2).payload());
        assertEquals("cmd-1", batch.get(0).idempotencyKey());
        assertEquals(Instant.parse("2026-11-22T10:00:01.123456Z"), batch.get(0).at());
        List<Event> read = store.read(prefix + "a");
        assertEquals(batch, read.subList(1, 4));
        assertEquals(batch.get(0), store.findByIdempotencyKey(prefix + "a", "cmd-1").orElseThrow());
        assertTrue(store.appendAll(prefix + "a", List.of()).isEmpty());
        assertEquals(4, store.read(prefix + "a").size());
    }

    @Test
    void appendAllWithAnIdempotencyKeySeenBeforeAppendsNothing() {
        store.append(prefix + "a", "COMMAND", "{}", "x", T0, "cmd-1");
        List<Event> again = store.appendAll(prefix + "a", List.of(
                new NewEvent("COMMAND", "{}", "x", T0, "cmd-1"),
                new NewEvent("APPROVED", "{}", "x", T0)));
        assertTrue(again.isEmpty(), again.toString());
        assertEquals(List.of("COMMAND"), store.read(prefix + "a").stream().map(Event::type).toList());
    }

    @Test
    void appendAllThatFailsStoresNoneOfTheBatch() {
        store.append(prefix + "a", "T", "{}", "x", T0, null);
        List<NewEvent> batch = List.of(new NewEvent("PHASE_COMPLETED", "{}", "switchman", T0),
                new NewEvent("CUTOVER", "{}", null, T0));
        boolean failed;
        try {
            store.appendAll(prefix + "a", batch);
            failed = false;
        } catch (EventStoreException e) {
            failed = true;
        }
        // a store that refuses the null actor refuses the whole batch; one that takes it takes all of it
        assertEquals(failed ? 1 : 3, store.read(prefix + "a").size());
        assertEquals(failed ? 2 : 4, store.append(prefix + "a", "U", "{}", "x", T0, null).sequence());
    }

    @Test
    void concurrentBatchesFromSeveralHandlesStayWholeAndGapless() throws Exception {
        EventStore other = second();
        List<EventStore> handles = other == null ? List.of(store) : List.of(store, other);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Event>>> futures = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                EventStore h = handles.get(i % handles.size());
                String n = Integer.toString(i);
                futures.add(pool.submit(() -> h.appendAll(prefix + "c", List.of(new NewEvent("A", "{\"i\":" + n + "}", "x", T0),
                        new NewEvent("B", "{\"i\":" + n + "}", "x", T0)))));
            }
            for (Future<List<Event>> f : futures) {
                List<Event> b = f.get(60, TimeUnit.SECONDS);
                assertEquals(b.get(0).sequence() + 1, b.get(1).sequence());
            }
            List<Event> read = store.read(prefix + "c");
            assertEquals(LongStream.rangeClosed(1, 60).boxed().toList(), read.stream().map(Event::sequence).toList());
            for (int i = 0; i < read.size(); i += 2) {
                assertEquals("A", read.get(i).type());
                assertEquals(read.get(i).payload(), read.get(i + 1).payload());
            }
        } finally {
            pool.shutdownNow();
            if (other != null) other.close();
        }
    }

    @Test
    void outboxKeepsEntriesUntilDeliveredAndDeduplicates() {
        assumeTrue(store instanceof Outbox, "this store keeps no outbox");
        Outbox o = (Outbox) store;
        OutboxEntry e = o.enqueue(prefix + "a", "notify:1", "chat:#ops", "{\"body\":\"hi\"}", T0);
        OutboxEntry same = o.enqueue(prefix + "a", "notify:1", "chat:#ops", "{\"body\":\"other\"}", T0);
        assertEquals(e.id(), same.id());
        assertTrue(o.pending().stream().anyMatch(p -> p.id() == e.id()));
        o.markFailed(e.id(), "smtp down");
        OutboxEntry failed = o.pending().stream().filter(p -> p.id() == e.id()).findFirst().orElseThrow();
        assertEquals(1, failed.attempts());
        assertEquals("smtp down", failed.lastError());
        o.markDelivered(e.id(), T0.plusSeconds(60));
        assertFalse(o.pending().stream().anyMatch(p -> p.id() == e.id()));
    }
}
