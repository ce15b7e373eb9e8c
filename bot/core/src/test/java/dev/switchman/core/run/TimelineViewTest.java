package dev.switchman.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.core.event.Event;
import dev.switchman.core.testing.TestBots;
import dev.switchman.core.testing.TestRunbooks;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The timeline kept as the log grows shows exactly what reading the whole log shows. */
class TimelineViewTest {

    @Test
    void linesKeptAcrossCallsEqualTheWholeLogReadAtOnce() {
        TestBots t = TestBots.inMemory(TestRunbooks.hello());
        t.chat.say("alice", "start hello-cutover");
        String runId = t.store.runs().get(0);
        TimelineView.Lines kept = new TimelineView.Lines();
        List<String> first = kept.update(t.store.read(runId));
        assertTrue(first.get(0).contains("run started by"), first.toString());
        t.chat.say("alice", "done lower-ttl");
        t.clock.advance(Duration.ofMinutes(5));
        t.chat.say("alice", "check");
        t.chat.say("alice", "note all quiet");
        List<Event> all = t.store.read(runId);
        List<String> again = kept.update(all);
        assertEquals(TimelineView.lines(all), again, "incremental and whole reads agree");
        assertTrue(again.size() > first.size(), again.toString());
        assertEquals(again, kept.update(all), "reading the same log again adds nothing");
        assertEquals(first, again.subList(0, first.size()), "earlier lines never change");
    }
}
