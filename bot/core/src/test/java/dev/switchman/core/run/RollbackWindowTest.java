package dev.switchman.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.core.bot.Bot;
import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.chat.TranscriptBackend;
import dev.switchman.core.check.CheckProviders;
import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.event.Event;
import dev.switchman.core.event.InMemoryEventStore;
import dev.switchman.core.runbook.Runbook;
import dev.switchman.core.testing.ScriptedChecks;
import dev.switchman.core.testing.TestBots;
import dev.switchman.core.testing.TestRunbooks;
import dev.switchman.core.time.ManualClock;
import dev.switchman.core.time.ManualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** After the last phase the run watches until the rollback window closes; the point of no return refuses rollback. */
class RollbackWindowTest {

    final ManualClock clock = new ManualClock(TestBots.START);
    final ManualScheduler scheduler = new ManualScheduler(clock);
    final ScriptedChecks checks = new ScriptedChecks();
    final InMemoryEventStore store = new InMemoryEventStore();
    final TranscriptBackend chat = new TranscriptBackend(clock, "ops");
    Bot bot;

    private Bot bot(Runbook rb) {
        bot = Bot.builder().runbooks(List.of(rb)).store(store).clock(clock).scheduler(scheduler)
                .checkProviders(new CheckProviders(List.of(checks))).checkExecutor(new DirectExecutorService())
                .decisionEngine(new ScriptedDecisions("new-http")).backend(chat).build();
        chat.start(bot);
        return bot;
    }

    private RunState state() {
        return RunState.replay(store.runs().get(0), store.read(store.runs().get(0)));
    }

    private List<Event> events(String type) {
        return store.read(store.runs().get(0)).stream().filter(e -> e.type().equals(type)).toList();
    }

    /** Walks hello-cutover to its end; cutover (the last phase) completes at START + 5 min. */
    private Instant cutOver(Runbook rb) {
        bot(rb);
        chat.say("alice", "start hello-cutover");
        chat.say("alice", "done lower-ttl");
        scheduler.advance(Duration.ofMinutes(5));
        chat.say("bob", "approve");
        chat.say("carol", "go --yes");
        chat.say("alice", "done switch-dns");
        return state().cutoverAt();
    }

    @Test
    void afterTheLastPhaseTheRunWatchesUntilTheWindowClosesThenCompletesByItself() {
        Instant cutover = cutOver(TestRunbooks.hello());
        assertEquals(TestBots.START.plus(Duration.ofMinutes(5)), cutover);
        RunState s = bot.activeRun("ops").orElseThrow();
        assertEquals(RunStatus.WATCHING, s.status(), chat.render());
        Instant until = cutover.plus(Duration.ofHours(1));
        assertEquals(until, s.watchingUntil());
        String status = chat.exec("alice", "status").get(0).plain();
        assertTrue(status.contains("WATCHING — watching until " + TimeText.of(until) + " (rollback window)"), status);
        assertTrue(chat.sent("#exec-updates").stream().anyMatch(m -> m.plain().contains("Watching until")), chat.render());

        // the cutover phase's checks keep running at their intervals while watching
        int runs = checks.runs("new-http");
        scheduler.advance(Duration.ofMinutes(30));
        assertTrue(checks.runs("new-http") >= runs + 29, "new-http ran " + (checks.runs("new-http") - runs) + " times");
        assertEquals(RunStatus.WATCHING, s.status());
        // nothing to do, go or approve while watching
        assertTrue(chat.say("alice", "done switch-dns").contains("watching until"));
        assertTrue(chat.say("carol", "go --yes").contains("watching until"));

        scheduler.advance(Duration.between(clock.instant(), until).minusSeconds(1));
        assertEquals(RunStatus.WATCHING, state().status());
        scheduler.advance(Duration.ofSeconds(1));
        RunState end = state();
        assertEquals(RunStatus.COMPLETED, end.status(), chat.render());
        assertEquals("rollback window closed", end.endReason());
        assertFalse(bot.activeRun("ops").isPresent());
        int after = checks.runs("new-http");
        scheduler.advance(Duration.ofMinutes(10));
        assertEquals(after, checks.runs("new-http"), "checks stop with the run");
        String timeline = chat.exec("alice", "timeline").get(0).plain();
        assertTrue(timeline.contains("watching until " + TimeText.of(until) + " (rollback window 1h)") && timeline.contains("run complete: rollback window closed"), timeline);
    }

    @Test
    void decisionsKeepFlowingAndRollbackWalksTheRollbackStepsNewestFirstInsideTheWindow() {
        checks.script("new-http", CheckStatus.PASS, CheckStatus.PASS, CheckStatus.FAIL);
        cutOver(TestRunbooks.hello());
        assertEquals(RunStatus.WATCHING, state().status());
        scheduler.advance(Duration.ofMinutes(3));
        ChatMessage advice = chat.sent().stream().filter(m -> m.title().equals("Rules recommend ROLLBACK")).findFirst()
                .orElseThrow(() -> new AssertionError(chat.render()));
        assertTrue(advice.plain().contains("new-http FAIL"), advice.plain());
        assertTrue(state().decisions().stream().anyMatch(d -> d.ruleId().equals("test.rollback")));

        String r = chat.say("carol", "rollback --yes \"502s after cutover\"");
        assertTrue(r.contains("ROLLBACK") && r.contains("switch-back, restore-ttl") && r.contains("Inside the rollback window"), r);
        assertEquals(RunStatus.ACTIVE, state().status());
        assertTrue(state().rollingBack());
        chat.say("alice", "done switch-back");
        chat.say("alice", "done restore-ttl");
        assertEquals(RunStatus.ROLLED_BACK, state().status(), chat.render());
        // the window's timer no longer completes the run
        scheduler.advance(Duration.ofHours(2));
        assertEquals(RunStatus.ROLLED_BACK, state().status());
    }

    @Test
    void abortEndsTheWatch() {
        cutOver(TestRunbooks.hello());
        assertTrue(chat.say("alice", "abort --yes \"all good, closing early\"").contains("Aborted"));
        assertEquals(RunStatus.ABORTED, state().status());
        scheduler.advance(Duration.ofHours(2));
        assertEquals(RunStatus.ABORTED, state().status());
        assertTrue(events(EventTypes.RUN_COMPLETED).isEmpty());
    }

    @Test
    void pastThePointOfNoReturnRollbackIsRefusedWithTheReasonAndRecorded() {
        Instant cutover = cutOver(TestRunbooks.hello(Duration.ofHours(3), Duration.ofHours(1)));
        scheduler.advance(Duration.ofMinutes(59));
        assertTrue(chat.exec("alice", "status").get(0).buttons().stream().anyMatch(b -> b.command().startsWith("rollback")));
        scheduler.advance(Duration.ofMinutes(1));
        String r = chat.say("carol", "rollback --yes \"too late?\"");
        assertTrue(r.contains("Refused") && r.contains("past the point of no return") && r.contains(TimeText.of(cutover.plus(Duration.ofHours(1)))), r);
        assertEquals(RunStatus.WATCHING, state().status());
        assertFalse(state().rollingBack());
        RunState.Refusal refusal = state().refusals().get(state().refusals().size() - 1);
        assertEquals("console:carol", refusal.user());
        assertTrue(refusal.reason().contains("point of no return"), refusal.reason());
        ChatMessage status = chat.exec("alice", "status").get(0);
        assertTrue(status.plain().contains("(passed: `rollback` is refused)"), status.plain());
        assertTrue(status.buttons().stream().noneMatch(b -> b.command().startsWith("rollback")), status.plain());
    }

    @Test
    void aRunbookWithoutRollbackWindowCompletesAfterItsLastPhase() {
        cutOver(TestRunbooks.hello(null, null));
        assertEquals(RunStatus.COMPLETED, state().status(), chat.render());
        assertTrue(events(EventTypes.WATCHING).isEmpty());
    }
}
