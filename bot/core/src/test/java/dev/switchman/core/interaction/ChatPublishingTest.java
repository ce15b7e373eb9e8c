package dev.switchman.core.interaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.chat.TranscriptBackend;
import dev.switchman.core.chat.Visibility;
import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.event.Event;
import dev.switchman.core.event.InMemoryEventStore;
import dev.switchman.core.event.OutboxEntry;
import dev.switchman.core.run.EventTypes;
import dev.switchman.core.run.TimelineView;
import dev.switchman.core.testing.ScriptedChecks;
import dev.switchman.core.testing.TestBots;
import dev.switchman.core.testing.TestRunbooks;
import dev.switchman.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The status message is paced to the platform's edit rate; team messages go through the outbox and are never dropped. */
class ChatPublishingTest {

    private static TestBots paced(InMemoryEventStore store) {
        return new TestBots(store, new ScriptedChecks().script("www-ttl", CheckStatus.FAIL), List.of(TestRunbooks.hello()),
                new ManualClock(TestBots.START), new TranscriptBackend().capabilities().withMinEditInterval(Duration.ofSeconds(1)));
    }

    private static String statusMessageId(TestBots t) {
        return t.chat.entries().stream().filter(e -> e.kind() == TranscriptBackend.Kind.REPLY).reduce((a, b) -> b).orElseThrow().messageId();
    }

    @Test
    void fiveHundredResultsInAMinuteMakeAtMostOneEditPerSecondAndTheLastIsCurrent() {
        TestBots t = paced(new InMemoryEventStore());
        t.chat.say("alice", "start hello-cutover");
        String status = statusMessageId(t);
        String runId = t.store.runs().get(0);
        for (int i = 0; i < 500; i++) {
            t.scheduler.advance(Duration.ofMillis(120));
            t.bot.submitResult(runId, new CheckResult("new-http", "test.scripted", "", CheckStatus.PASS, Map.of(),
                    "result " + i, t.clock.instant(), Duration.ZERO));
        }
        t.scheduler.advance(Duration.ofSeconds(2));

        List<TranscriptBackend.Entry> edits = t.chat.entries().stream()
                .filter(e -> e.kind() == TranscriptBackend.Kind.UPDATED && e.messageId().equals(status)).toList();
        assertTrue(edits.size() <= 61, edits.size() + " edits for 60 s of results");
        assertTrue(edits.size() >= 30, "the status kept moving: " + edits.size() + " edits");
        Instant previous = null;
        for (TranscriptBackend.Entry e : edits) {
            if (previous != null) {
                assertTrue(!e.at().isBefore(previous.plusSeconds(1)), "edits " + previous + " and " + e.at() + " less than 1 s apart");
            }
            previous = e.at();
        }
        String last = edits.get(edits.size() - 1).message().plain();
        assertTrue(last.contains("result 499"), "the last edit shows the last result: " + last);
    }

    @Test
    void aQuietStatusIsEditedAtOnce() {
        TestBots t = paced(new InMemoryEventStore());
        t.chat.say("alice", "start hello-cutover");
        String status = statusMessageId(t);
        t.scheduler.advance(Duration.ofSeconds(5));
        t.chat.say("alice", "done lower-ttl");
        String latest = t.chat.message(status).orElseThrow().plain();
        assertTrue(latest.contains("✔ lower-ttl"), latest);
    }

    @Test
    void aRefusedSendIsRetriedAndDelivered() {
        InMemoryEventStore store = new InMemoryEventStore();
        TestBots t = paced(store);
        t.chat.failNext(TranscriptBackend.Kind.SENT, 2, "503 Service Unavailable");
        t.chat.say("alice", "start hello-cutover");
        assertTrue(t.chat.sent().isEmpty(), "the first two attempts failed");
        t.scheduler.advance(Duration.ofSeconds(1));
        t.scheduler.advance(Duration.ofSeconds(2));
        assertTrue(t.chat.sent().get(0).title().startsWith("Run hello-cutover-"), t.chat.render());
        OutboxEntry e = store.outboxEntries().get(0);
        assertTrue(e.delivered(), e.toString());
        assertEquals(3, e.attempts());
        assertTrue(store.read(store.runs().get(0)).stream().noneMatch(ev -> ev.type().equals(EventTypes.MESSAGE_FAILED)));
    }

    @Test
    void aSendThatFailsEveryAttemptIsRecordedAsFailedAndTheChannelMovesOn() {
        InMemoryEventStore store = new InMemoryEventStore();
        TestBots t = paced(store);
        t.chat.failNext(TranscriptBackend.Kind.SENT, 5, "403 channel_not_found");
        t.chat.say("alice", "start hello-cutover");
        t.scheduler.advance(Duration.ofMinutes(1));
        String runId = store.runs().get(0);
        List<Event> failed = store.read(runId).stream().filter(e -> e.type().equals(EventTypes.MESSAGE_FAILED)).toList();
        assertEquals(1, failed.size(), t.chat.render());
        assertTrue(failed.get(0).payload().contains("403 channel_not_found") && failed.get(0).payload().contains("\"attempts\":5"),
                failed.get(0).payload());
        String timeline = String.join("\n", TimelineView.lines(store.read(runId)));
        assertTrue(timeline.contains("message \"Run " + runId + " started\" to transcript failed after 5 attempts: IllegalStateException: 403 channel_not_found"),
                timeline);
        // the message behind it waited its turn, then went out: the channel is not stuck
        assertEquals(List.of("Next: lower-ttl"), t.chat.sent().stream().map(ChatMessage::title).toList(), t.chat.render());
    }

    @Test
    void aTypedCommandIsAcknowledgedBeforeItIsAnsweredAndATypoPrivately() {
        TestBots t = TestBots.inMemory(TestRunbooks.hello());
        TranscriptBackend.Exchange ok = t.chat.submit("alice", t.chat.defaultChannel(), "runbooks", null);
        assertEquals(Visibility.PUBLIC, ok.visibility());
        assertTrue(ok.ackNanos() > 0 && ok.ackNanos() <= ok.answerNanos());
        TranscriptBackend.Exchange typo = t.chat.submit("alice", t.chat.defaultChannel(), "strat hello-cutover", null);
        assertEquals(Visibility.EPHEMERAL, typo.visibility());
        ChatMessage m = typo.answers().get(0);
        assertTrue(m.plain().contains("unknown command"), m.plain());
    }
}
