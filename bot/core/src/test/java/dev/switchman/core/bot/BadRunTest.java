package dev.switchman.core.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.event.InMemoryEventStore;
import dev.switchman.core.run.PlannedStep;
import dev.switchman.core.run.RunEngine;
import dev.switchman.core.run.RunState;
import dev.switchman.core.run.RunStatus;
import dev.switchman.core.runbook.Phase;
import dev.switchman.core.runbook.Runbook;
import dev.switchman.core.runbook.Step;
import dev.switchman.core.testing.FaultyEventStore;
import dev.switchman.core.testing.ScriptedChecks;
import dev.switchman.core.testing.TestBots;
import dev.switchman.core.testing.TestRunbooks;
import dev.switchman.core.time.ManualClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One bad run never stops the bot, and one failed append never stops a check: a run that cannot resume
 * is quarantined (said in its channel and in {@code status}, ended by {@code abort}) while every other
 * run carries on; a store outage is said once, checks keep running, and the run goes on when it ends.
 */
class BadRunTest {

    private static final String OTHER = "other";

    /** {@link TestRunbooks#hello()} with verify-ttl renamed, as after an edit of the runbook under a live run. */
    private static Runbook helloWithVerifyRenamed() {
        Runbook rb = TestRunbooks.hello();
        Phase prepare = rb.phases().get(0);
        List<Step> steps = prepare.steps().stream()
                .map(s -> s.id().equals("verify-ttl") ? TestRunbooks.verify("verify-www-ttl", "www-ttl") : s).toList();
        Phase renamed = new Phase(prepare.id(), prepare.title(), prepare.cutover(), steps, prepare.rollback(), null);
        return new Runbook(rb.id(), rb.title(), rb.description(), rb.roles(), rb.stakeholders(), rb.targets(), rb.thresholds(),
                rb.rollbackWindow(), rb.pointOfNoReturn(), rb.checks(), List.of(renamed, rb.phases().get(1)), rb.rules(), rb.source());
    }

    /** A runbook whose first step waits longer than time can count (it overflows when armed). */
    private static Runbook endlessWait() {
        Runbook rb = TestRunbooks.tiny();
        Phase only = new Phase("only", "Only", true, List.of(TestRunbooks.waitFor("forever", Duration.ofDays(100_000_000_000_000L)),
                TestRunbooks.manual("one", "Step one", null)), List.of(), null);
        return new Runbook("endless", "Endless", null, rb.roles(), List.of(), rb.targets(), rb.thresholds(), null, null,
                List.of(), List.of(only), List.of(), "test");
    }

    private static String stderrDuring(Runnable work) {
        PrintStream old = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            work.run();
        } finally {
            System.setErr(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aRunWhoseCurrentStepWasRenamedIsQuarantinedAndTheOtherRunsCarryOn() {
        InMemoryEventStore store = new InMemoryEventStore();
        ScriptedChecks checks = new ScriptedChecks().script("www-ttl", CheckStatus.ERROR);
        TestBots first = new TestBots(store, checks, List.of(TestRunbooks.hello()));
        first.chat.say("alice", "start hello-cutover");
        first.chat.say("alice", "done lower-ttl");
        first.chat.exec("alice", OTHER, "start hello-cutover", null);

        TestBots second = new TestBots(store, checks, List.of(helloWithVerifyRenamed()), new ManualClock(TestBots.START.plusSeconds(60)));
        String log = stderrDuring(() -> assertEquals(2, second.bot.resume().size()));
        assertFalse(log.contains("\tat "), "no stack trace at start-up:\n" + log);

        RunEngine bad = second.bot.runs().active(second.chat.defaultChannel()).orElseThrow();
        assertNotNull(bad.quarantine());
        assertTrue(bad.quarantine().contains("verify-ttl"), bad.quarantine());
        assertTrue(second.chat.sent().stream().anyMatch(m -> m.title().equals("Run " + bad.runId() + " is quarantined")
                && m.plain().contains("abort")), second.chat.render());
        String status = second.chat.say("alice", "status");
        assertTrue(status.contains("Quarantined: ") && status.contains("verify-ttl"), status);
        assertEquals(List.of(bad), second.bot.runs().quarantined());

        // the other run and the bot keep working
        String done = second.chat.exec("alice", OTHER, "done lower-ttl", null).get(0).plain();
        assertTrue(done.contains("Done: lower-ttl") && done.contains("verify-www-ttl"), done);
        RunEngine good = second.bot.runs().active(OTHER).orElseThrow();
        assertNull(good.quarantine());

        // the quarantined run refuses to walk and ends on abort; then the channel can start again
        assertTrue(second.chat.say("carol", "check").contains("quarantined"), second.chat.render());
        assertTrue(second.chat.say("carol", "abort --yes \"runbook changed\"").contains("Aborted"), second.chat.render());
        assertEquals(RunStatus.ABORTED, RunState.replay(bad.runId(), store.read(bad.runId())).status());
        assertTrue(second.chat.say("alice", "start hello-cutover").contains("run hello-cutover-"), second.chat.render());
    }

    @Test
    void aWaitTooFarInTheFutureQuarantinesItsRunInsteadOfStoppingTheBot() {
        InMemoryEventStore store = new InMemoryEventStore();
        TestBots first = new TestBots(store, new ScriptedChecks(), List.of(endlessWait(), TestRunbooks.tiny()));
        first.chat.say("alice", "start endless");
        RunEngine bad = first.bot.runs().active(first.chat.defaultChannel()).orElseThrow();
        assertNotNull(bad.quarantine(), first.chat.render());
        assertTrue(first.chat.render().contains("is quarantined"), first.chat.render());
        // what was recorded is a run that started; the step that cannot be armed was never half-recorded
        RunState logged = RunState.replay(bad.runId(), store.read(bad.runId()));
        assertEquals(RunStatus.ACTIVE, logged.status());
        assertTrue(logged.current().isEmpty());

        first.chat.exec("alice", OTHER, "start tiny", null);
        assertEquals(new PlannedStep("only", "one", false), first.bot.runs().active(OTHER).orElseThrow().state().current().orElseThrow());

        TestBots second = new TestBots(store, new ScriptedChecks(), List.of(endlessWait(), TestRunbooks.tiny()),
                new ManualClock(TestBots.START.plusSeconds(60)));
        String log = stderrDuring(() -> assertEquals(2, second.bot.resume().size()));
        assertFalse(log.contains("\tat "), "no stack trace at start-up:\n" + log);
        assertNotNull(second.bot.runs().active(second.chat.defaultChannel()).orElseThrow().quarantine());
        String done = second.chat.exec("alice", OTHER, "done one", null).get(0).plain();
        assertTrue(done.contains("Done: one"), done);
    }

    @Test
    void aStoreOutageIsSaidOnceChecksKeepRunningAndTheRunGoesOnWhenItEnds() {
        FaultyEventStore store = new FaultyEventStore(new InMemoryEventStore());
        ScriptedChecks checks = new ScriptedChecks().script("www-ttl", CheckStatus.ERROR, CheckStatus.ERROR, CheckStatus.ERROR, CheckStatus.ERROR, CheckStatus.PASS);
        TestBots b = new TestBots(store, checks, List.of(TestRunbooks.hello()));
        b.chat.say("alice", "start hello-cutover");
        b.chat.say("alice", "done lower-ttl");
        assertEquals(1, checks.runs("www-ttl"));
        store.failWrites(store.writes() + 1, 3);

        // the next results cannot be recorded; the check is still scheduled (every interval, and when the bot retries)
        b.scheduler.advance(Duration.ofMinutes(1));
        b.scheduler.advance(Duration.ofSeconds(5));
        assertTrue(checks.runs("www-ttl") >= 3, b.chat.render());
        assertEquals(1, b.chat.sent().stream().filter(m -> m.title().equals("Event store failure")).count(), b.chat.render());
        RunEngine run = b.bot.runs().active(b.chat.defaultChannel()).orElseThrow();
        assertNull(run.quarantine());

        // the store is back: the next result is recorded and the verify step completes
        b.scheduler.advance(Duration.ofMinutes(1));
        b.scheduler.advance(Duration.ofMinutes(1));
        assertEquals("wait-old-ttl", run.state().current().map(PlannedStep::stepId).orElseThrow(), b.chat.render());
        assertTrue(b.chat.sent().stream().anyMatch(m -> m.title().equals("Event store back")), b.chat.render());
        String runId = store.base().runs().get(0);
        assertEquals(run.state().current(), RunState.replay(runId, store.base().read(runId)).current());
    }
}
