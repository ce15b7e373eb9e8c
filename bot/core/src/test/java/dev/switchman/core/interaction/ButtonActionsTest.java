package dev.switchman.core.interaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.chat.TranscriptBackend;
import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.event.Event;
import dev.switchman.core.event.InMemoryEventStore;
import dev.switchman.core.run.EventTypes;
import dev.switchman.core.run.PlannedStep;
import dev.switchman.core.run.RunState;
import dev.switchman.core.run.RunStatus;
import dev.switchman.core.testing.ScriptedChecks;
import dev.switchman.core.testing.TestBots;
import dev.switchman.core.testing.TestRunbooks;
import dev.switchman.core.time.ManualClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Buttons carry short opaque ids registered with their run, step and status revision; a stale press is refused. */
class ButtonActionsTest {

    private static String current(TestBots t) {
        return t.bot.inspect(t.chat.defaultChannel(), s -> s.current().map(PlannedStep::stepId).orElse("none")).orElseThrow();
    }

    private static ChatMessage.Button startButton(TestBots t, String label) {
        ChatMessage status = t.chat.exec("alice", "start hello-cutover").get(0);
        return TranscriptBackend.button(status, label);
    }

    @Test
    void buttonsCarryShortOpaqueIdsNeverTheCommand() {
        TestBots t = TestBots.inMemory(TestRunbooks.hello());
        ChatMessage status = t.chat.exec("alice", "start hello-cutover").get(0);
        for (ChatMessage.Button b : status.buttons()) {
            assertNotNull(b.actionId(), b.toString());
            assertTrue(b.actionId().length() <= 20, b.actionId());
            assertTrue(!b.actionId().contains("done") && !b.actionId().contains("rollback"), b.actionId());
        }
        String runId = t.store.runs().get(0);
        assertTrue(t.store.read(runId).stream().anyMatch(e -> e.type().equals(EventTypes.BUTTONS)
                && e.payload().contains("\"step\":\"lower-ttl\"") && e.payload().contains("\"revision\":")), "registered in the log");
    }

    @Test
    void aPressForAStepThatHasMovedOnIsRefusedWithWhatHappenedAndRecorded() {
        TestBots t = new TestBots(new InMemoryEventStore(), new ScriptedChecks().script("www-ttl", CheckStatus.FAIL), List.of(TestRunbooks.hello()));
        ChatMessage.Button done = startButton(t, "Done lower-ttl");
        t.chat.say("alice", "done lower-ttl");
        assertEquals("verify-ttl", current(t));
        t.scheduler.advance(Duration.ofMinutes(4));

        List<ChatMessage> answer = t.chat.press("bob", null, done.actionId(), null);

        String text = answer.get(0).plain();
        assertTrue(text.startsWith("Refused"), text);
        assertTrue(text.contains("this button was for `lower-ttl`, done 4 minutes ago by alice; the current step is `verify-ttl`"), text);
        assertEquals("verify-ttl", current(t), "never applied to the current step");
        RunState s = RunState.replay(t.store.runs().get(0), t.store.read(t.store.runs().get(0)));
        assertEquals(1, s.refusals().size());
        assertTrue(s.refusals().get(0).reason().contains("done 4 minutes ago by alice"), s.refusals().toString());
        assertEquals("console:bob", s.refusals().get(0).user());
    }

    @Test
    void aPressOnTheCurrentStepAppliesThroughTheRoleChecks() {
        TestBots t = TestBots.inMemory(TestRunbooks.hello());
        ChatMessage.Button done = startButton(t, "Done lower-ttl");
        // lower-ttl belongs to the owner: bob's press is refused by the authorization middleware
        String refused = t.chat.press("bob", null, done.actionId(), null).get(0).plain();
        assertTrue(refused.startsWith("Refused") && refused.contains("owner"), refused);
        assertEquals("lower-ttl", current(t));
        String ok = t.chat.press("alice", null, done.actionId(), null).get(0).plain();
        assertTrue(ok.contains("Done: lower-ttl"), ok);
        assertEquals("console:alice", t.bot.inspect(t.chat.defaultChannel(), s -> s.step("lower-ttl").orElseThrow().completedBy()).orElseThrow());
    }

    @Test
    void anUnknownIdIsRefusedPrivately() {
        TestBots t = TestBots.inMemory(TestRunbooks.hello());
        t.chat.say("alice", "start hello-cutover");
        TranscriptBackend.Exchange x = t.chat.submit("alice", t.chat.defaultChannel(), "status", null);
        assertEquals(dev.switchman.core.chat.Visibility.PUBLIC, x.visibility());
        List<ChatMessage> a = t.chat.press("alice", null, "sm.zzzzzz.1", null);
        assertTrue(a.get(0).plain().contains("not one this bot drew"), a.toString());
        assertEquals(dev.switchman.core.chat.TranscriptBackend.Kind.REPLY, t.chat.entries().get(t.chat.entries().size() - 1).kind());
        assertEquals(dev.switchman.core.chat.Visibility.EPHEMERAL, t.chat.entries().get(t.chat.entries().size() - 1).visibility());
    }

    @Test
    void goAndRollbackAskForConfirmationWhereThePlatformHasNoConfirmDialog() {
        TestBots t = new TestBots(new InMemoryEventStore(), new ScriptedChecks(), List.of(TestRunbooks.hello()),
                new ManualClock(TestBots.START), new TranscriptBackend().capabilities().withConfirmDialogs(false));
        ChatMessage.Button rollback = startButton(t, "Rollback");
        assertTrue(rollback.confirm());
        ChatMessage ask = t.chat.press("carol", null, rollback.actionId(), null).get(0);
        assertTrue(ask.title().startsWith("Confirm `rollback`?"), ask.plain());
        assertEquals("lower-ttl", current(t), "nothing happens before the confirmation");
        ChatMessage.Button confirm = TranscriptBackend.button(ask, "Confirm rollback");
        assertNotNull(confirm.actionId());
        String done = t.chat.press("carol", null, confirm.actionId(), null).get(0).plain();
        assertTrue(done.contains("ROLLBACK"), done);
    }

    @Test
    void withANativeConfirmDialogThePressIsTheConfirmation() {
        TestBots t = TestBots.inMemory(TestRunbooks.hello());
        ChatMessage.Button rollback = startButton(t, "Rollback");
        String done = t.chat.press("carol", null, rollback.actionId(), null).get(0).plain();
        assertTrue(done.contains("ROLLBACK"), done);
        assertTrue(t.bot.inspect(t.chat.defaultChannel(), RunState::rollingBack).orElseThrow());
    }

    @Test
    void aPressAfterARestartOnTheSameStoreIsAppliedOnce() {
        InMemoryEventStore store = new InMemoryEventStore();
        ScriptedChecks checks = new ScriptedChecks().script("www-ttl", CheckStatus.FAIL);
        TestBots first = new TestBots(store, checks, List.of(TestRunbooks.hello()));
        ChatMessage.Button done = startButton(first, "Done lower-ttl");
        String runId = first.store.runs().get(0);

        // no shutdown: a second bot with nothing in memory takes over the same store, as after kill -9
        TestBots second = new TestBots(store, checks, List.of(TestRunbooks.hello()),
                new ManualClock(TestBots.START.plusSeconds(30)));
        assertEquals(1, second.bot.resume().size());
        String ok = second.chat.press("alice", null, done.actionId(), "delivery-1").get(0).plain();
        assertTrue(ok.contains("Done: lower-ttl"), ok);
        // the platform retries the same delivery, then someone presses the old button again
        second.chat.press("alice", null, done.actionId(), "delivery-1");
        String again = second.chat.press("alice", null, done.actionId(), "delivery-2").get(0).plain();
        assertTrue(again.contains("this button was for `lower-ttl`, done just now by alice"), again);

        List<Event> log = second.store.read(runId);
        assertEquals(1, log.stream().filter(e -> e.type().equals(EventTypes.STEP_COMPLETED) && e.payload().contains("\"lower-ttl\"")).count(),
                "applied once");
        assertEquals(RunStatus.ACTIVE, RunState.replay(runId, log).status());
        second.bot.close();
        first.bot.close();
    }
}
