package dev.switchman.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.event.EventStores;
import dev.switchman.core.run.EventTypes;
import dev.switchman.core.testing.ScriptedChecks;
import dev.switchman.core.testing.TestBots;
import dev.switchman.core.testing.TestRunbooks;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdempotencyTest {

    @TempDir
    Path dir;

    private long count(TestBots t, String type) {
        return t.store.read(t.store.runs().get(0)).stream().filter(e -> e.type().equals(type)).count();
    }

    @Test
    void aCommandDeliveredTwiceWithTheSameKeyIsAppliedOnceAndAnsweredTheSame() {
        TestBots t = TestBots.inMemory(TestRunbooks.tiny());
        List<ChatMessage> started = t.chat.execWithKey("alice", "start tiny", "delivery-1");
        List<ChatMessage> startedAgain = t.chat.execWithKey("alice", "start tiny", "delivery-1");
        assertEquals(started, startedAgain);
        assertEquals(1, t.store.runs().size());

        List<ChatMessage> first = t.chat.execWithKey("alice", "done one", "delivery-2");
        List<ChatMessage> second = t.chat.execWithKey("alice", "done one", "delivery-2");
        assertEquals(first, second);
        assertEquals(1, count(t, EventTypes.STEP_COMPLETED));
        assertEquals(2, count(t, EventTypes.COMMAND));

        // a new delivery id is a new command: `done one` again is refused (already done)
        assertTrue(t.chat.execWithKey("alice", "done one", "delivery-3").get(0).plain().contains("not the current step")
                || t.chat.render().contains("already done"));
    }

    @Test
    void aRedeliveryAfterARestartIsAnsweredAlreadyApplied() {
        String url = EventStores.h2Url(dir);
        TestBots before = new TestBots(EventStores.open(url), new ScriptedChecks(), List.of(TestRunbooks.tiny()));
        before.chat.execWithKey("alice", "start tiny", "d1");
        before.chat.execWithKey("alice", "done one", "d2");
        before.bot.close();
        before.store.close();

        TestBots after = new TestBots(EventStores.open(url), new ScriptedChecks(), List.of(TestRunbooks.tiny()));
        after.bot.resume();
        String again = after.chat.execWithKey("alice", "done one", "d2").get(0).plain();
        assertTrue(again.contains("Already applied"), again);
        assertEquals(1, count(after, EventTypes.STEP_COMPLETED));
        after.bot.close();
        after.store.close();
    }
}
