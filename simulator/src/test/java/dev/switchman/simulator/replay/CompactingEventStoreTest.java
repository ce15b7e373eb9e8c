package dev.switchman.simulator.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchman.core.event.Event;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompactingEventStoreTest {

    static final Instant T = Instant.parse("2026-11-20T08:00:00Z");

    @Test
    void keepsEveryEventButOnlyTheLatestResultOfEachCheckInSequenceOrder() {
        CompactingEventStore s = new CompactingEventStore();
        s.append("r", "RUN_STARTED", "{}", "a", T, null);
        for (int i = 0; i < 5000; i++) {
            s.append("r", "CHECK_RESULT", "{\"checkId\":\"c" + (i % 3) + "\",\"n\":" + i + "}", "check", T, null);
        }
        s.append("r", "STEP_COMPLETED", "{}", "a", T, null);
        List<Event> events = s.read("r");
        assertEquals(5, events.size());
        assertEquals("RUN_STARTED", events.get(0).type());
        assertEquals("STEP_COMPLETED", events.get(4).type());
        for (int i = 1; i < events.size(); i++) {
            assertEquals(true, events.get(i).sequence() > events.get(i - 1).sequence());
        }
        assertEquals(5002, s.appended("r"));
        assertEquals(5002, events.get(4).sequence());
    }

    @Test
    void sameIdempotencyKeyAppendsOnce() {
        CompactingEventStore s = new CompactingEventStore();
        Event a = s.append("r", "COMMAND", "{}", "a", T, "k1");
        Event b = s.append("r", "COMMAND", "{}", "a", T, "k1");
        assertEquals(a, b);
        assertEquals(1, s.read("r").size());
    }

    @Test
    void deferredResultsAreWrittenOnlyWhenKeptAndReadAsIfAppendedEagerly() {
        CompactingEventStore deferred = new CompactingEventStore();
        CompactingEventStore eager = new CompactingEventStore();
        java.util.concurrent.atomic.AtomicInteger written = new java.util.concurrent.atomic.AtomicInteger();
        for (CompactingEventStore s : List.of(deferred, eager)) {
            s.append("r", "RUN_STARTED", "{}", "a", T, null);
        }
        for (int i = 0; i < 5000; i++) {
            String payload = "{\"checkId\":\"c" + (i % 3) + "\",\"n\":" + i + "}";
            long seq = deferred.appendDeferred("r", "CHECK_RESULT", "c" + (i % 3), () -> {
                written.incrementAndGet();
                return payload;
            }, "check", T.plusSeconds(i));
            assertEquals(eager.append("r", "CHECK_RESULT", payload, "check", T.plusSeconds(i), null).sequence(), seq);
        }
        for (CompactingEventStore s : List.of(deferred, eager)) {
            s.append("r", "STEP_COMPLETED", "{}", "a", T, null);
        }
        assertEquals(0, written.get());
        assertEquals(eager.read("r"), deferred.read("r"));
        assertEquals(3, written.get());
        assertEquals(eager.read("r"), deferred.read("r"));
        assertEquals(3, written.get());
        assertEquals(eager.appended("r"), deferred.appended("r"));
    }
}
