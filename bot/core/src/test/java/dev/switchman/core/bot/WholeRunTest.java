package dev.switchman.core.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.event.Event;
import dev.switchman.core.run.EventTypes;
import dev.switchman.core.run.PlannedStep;
import dev.switchman.core.run.RunState;
import dev.switchman.core.run.RunStatus;
import dev.switchman.core.testing.TestBots;
import dev.switchman.core.testing.TestRunbooks;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WholeRunTest {

    private final TestBots t = TestBots.inMemory(TestRunbooks.hello());

    private RunState run() {
        return t.bot.activeRun(t.chat.defaultChannel()).orElseThrow();
    }

    private String current() {
        return run().current().map(PlannedStep::stepId).orElse("none");
    }

    private List<Event> events(String type) {
        String runId = t.store.runs().get(0);
        return t.store.read(runId).stream().filter(e -> e.type().equals(type)).toList();
    }

    @Test
    void walksAWholeRunFromStartToCompletionWithChecksWaitsApprovalsAndGo() {
        t.checks.script("www-ttl", CheckStatus.FAIL, CheckStatus.PASS);

        String started = t.chat.say("alice", "start hello-cutover");
        assertTrue(started.contains("Move www.example.test"), started);
        assertEquals("lower-ttl", current());

        // manual step, with a quoted note
        String done = t.chat.say("alice", "done lower-ttl \"took 4 min\"");
        assertTrue(done.contains("Done: lower-ttl"), done);
        assertEquals("took 4 min", run().step("lower-ttl").orElseThrow().note());

        // verify: the first result FAILs, the step shows the blocker and stays
        assertEquals("verify-ttl", current());
        assertTrue(t.chat.sent().stream().anyMatch(m -> m.plain().contains("Blocked: verify-ttl") && m.plain().contains("www-ttl: FAIL")),
                t.chat.render());
        // `check` re-runs it: PASS completes the step
        t.chat.say("alice", "check www-ttl");
        assertEquals("wait-old-ttl", current());
        assertEquals(2, t.checks.runs("www-ttl"));

        // wait: nothing until the scheduler reaches 5 minutes
        t.scheduler.advance(Duration.ofMinutes(4));
        assertEquals("wait-old-ttl", current());
        t.scheduler.advance(Duration.ofMinutes(1));

        // the notify step went out through the outbox to the execs' chat channel, then the phase completed
        assertTrue(t.chat.sent("#exec-updates").stream().anyMatch(m -> m.plain().contains("Prepared; cutover next")), t.chat.render());
        assertTrue(run().completedPhases().contains("prepare"));
        assertEquals("approve-cutover", current());

        // dave is no approver: refused, answered with the reason, and recorded
        String refused = t.chat.say("dave", "approve");
        assertTrue(refused.contains("Refused") && refused.contains("approvers"), refused);
        assertEquals(1, events(EventTypes.REFUSED).size());
        assertEquals("approve-cutover", current());

        // bob is: the approval completes and the cutover gate asks the rules (GO) and waits for `go`
        String approved = t.chat.say("bob", "approve");
        assertTrue(approved.contains("Approved: approve-cutover"), approved);
        assertEquals("gate-cutover", current());
        assertTrue(t.chat.sent().stream().anyMatch(m -> m.title().contains("Rules say GO")), t.chat.render());

        // only the rollback authority may go; and go asks for confirmation
        assertTrue(t.chat.say("bob", "go --yes").contains("Refused"));
        ChatMessage confirm = t.chat.exec("carol", "go").get(0);
        assertTrue(confirm.title().contains("Confirm"), confirm.plain());
        assertEquals("go --yes", confirm.buttons().get(0).command());
        assertEquals("gate-cutover", current());
        String go = t.chat.say("carol", confirm.buttons().get(0).command());
        assertTrue(go.contains("GO: gate-cutover"), go);
        assertEquals("switch-dns", current());

        t.chat.say("alice", "done switch-dns");
        // every phase is done, the rollback window (1h) is open: the run watches, then completes by itself
        assertEquals(RunStatus.WATCHING, run().status());
        assertTrue(t.chat.exec("alice", "status").get(0).plain().contains("watching until"), t.chat.render());
        t.scheduler.advance(Duration.ofHours(1));
        RunState finished = RunState.replay(t.store.runs().get(0), t.store.read(t.store.runs().get(0)));
        assertEquals(RunStatus.COMPLETED, finished.status());
        assertNotNull(finished.cutoverAt());
        assertEquals("console:bob", finished.approvals().get("approve-cutover").by());
        assertEquals(2, finished.refusals().size());
        assertFalse(t.bot.activeRun(t.chat.defaultChannel()).isPresent());
        assertEquals(1, events(EventTypes.CUTOVER).size());
        assertTrue(events(EventTypes.DECISION).stream().anyMatch(e -> e.payload().contains("\"GO\"")));

        String timeline = t.chat.exec("alice", "timeline").get(0).plain();
        assertTrue(timeline.contains("decision GO (basic.gate.go)") && timeline.contains("CUTOVER") && timeline.contains("run complete"), timeline);
    }

    @Test
    void timelineTellsDecisionsAndRefusalsInHumanTerms() {
        t.chat.say("alice", "start hello-cutover");
        t.chat.say("dave", "done lower-ttl");
        t.chat.say("alice", "done lower-ttl");
        String timeline = t.chat.exec("alice", "timeline").get(0).plain();
        assertTrue(timeline.contains("run started by console:alice"), timeline);
        assertTrue(timeline.contains("REFUSED console:dave `done lower-ttl`"), timeline);
        assertTrue(timeline.contains("step lower-ttl done by console:alice"), timeline);
        assertTrue(timeline.contains("check www-ttl PASS"), timeline);
    }

    @Test
    void statusShowsStepsWhoDidWhatNextBlockersChecksAndButtons() {
        t.checks.script("www-ttl", CheckStatus.FAIL);
        t.chat.say("alice", "start hello-cutover");
        t.chat.say("alice", "done lower-ttl \"4 min\"");
        ChatMessage status = t.chat.exec("alice", "status").get(0);
        String text = status.plain();
        assertTrue(text.contains("✔ lower-ttl") && text.contains("console:alice") && text.contains("\"4 min\""), text);
        assertTrue(text.contains("▶ verify-ttl"), text);
        assertTrue(text.contains("Blocked by: www-ttl is FAIL"), text);
        assertEquals(CheckStatus.FAIL, status.checks().stream().filter(c -> c.checkId().equals("www-ttl")).findFirst().orElseThrow().status());
        assertTrue(status.buttons().stream().anyMatch(b -> b.command().startsWith("rollback")), text);
        assertTrue(t.bot.inspect(t.chat.defaultChannel(), s -> s.current().orElseThrow().stepId()).orElseThrow().equals("verify-ttl"));
    }

    @Test
    void statusMessageUpdatesInPlaceWhenTheRunMoves() {
        t.chat.say("alice", "start hello-cutover");
        String id = t.chat.entries().stream().filter(e -> e.kind() == dev.switchman.core.chat.TranscriptBackend.Kind.REPLY)
                .reduce((a, b) -> b).orElseThrow().messageId();
        t.chat.say("alice", "done lower-ttl");
        String latest = t.chat.message(id).orElseThrow().plain();
        assertTrue(latest.contains("✔ lower-ttl"), latest);
    }

    @Test
    void rollbackWalksRollbackStepsOfCurrentAndCompletedPhasesNewestFirst() {
        t.chat.say("alice", "start hello-cutover");
        t.chat.say("alice", "done lower-ttl");
        t.scheduler.advance(Duration.ofMinutes(5));
        assertEquals("approve-cutover", current());
        assertTrue(t.chat.say("alice", "rollback --yes").contains("Refused"));
        String r = t.chat.say("carol", "rollback --yes \"new host returns 502\"");
        assertTrue(r.contains("ROLLBACK") && r.contains("switch-back, restore-ttl"), r);
        assertEquals("switch-back", current());
        assertTrue(t.chat.say("alice", "done restore-ttl").contains("not the current step"));
        t.chat.say("alice", "done switch-back");
        t.chat.say("alice", "done restore-ttl");
        RunState s = RunState.replay(t.store.runs().get(0), t.store.read(t.store.runs().get(0)));
        assertEquals(RunStatus.ROLLED_BACK, s.status());
        assertEquals("new host returns 502", s.rollbackReason());
    }

    @Test
    void abortEndsTheRunAndFreesTheChannel() {
        t.chat.say("alice", "start hello-cutover");
        assertTrue(t.chat.say("bob", "start hello-cutover").contains("already has an active run"));
        assertTrue(t.chat.say("alice", "abort --yes wrong window").contains("Aborted"));
        assertFalse(t.bot.activeRun(t.chat.defaultChannel()).isPresent());
        assertTrue(t.chat.say("bob", "start hello-cutover").contains("Move www"));
    }
}
