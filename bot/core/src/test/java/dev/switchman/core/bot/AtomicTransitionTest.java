package dev.switchman.core.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.event.Event;
import dev.switchman.core.event.InMemoryEventStore;
import dev.switchman.core.event.OutboxEntry;
import dev.switchman.core.run.EventTypes;
import dev.switchman.core.run.Payloads;
import dev.switchman.core.run.PlannedStep;
import dev.switchman.core.run.RunEngine;
import dev.switchman.core.run.RunState;
import dev.switchman.core.run.RunStatus;
import dev.switchman.core.run.StepRecord;
import dev.switchman.core.run.StepStatus;
import dev.switchman.core.runbook.Step;
import dev.switchman.core.runbook.StepKind;
import dev.switchman.core.testing.FaultyEventStore;
import dev.switchman.core.testing.ScriptedChecks;
import dev.switchman.core.testing.TestBots;
import dev.switchman.core.testing.TestRunbooks;
import dev.switchman.core.time.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every state transition is one atomic append. A scripted run (start, a blocked verify step overridden,
 * a wait, a notification, an approval, the cutover gate, the cutover, watching, a rollback ordered and
 * walked) is killed at every write boundary in turn; a second bot resumes from what was committed, must
 * find a state the engine can go on from, drives the run to its end, and nothing is applied twice.
 */
class AtomicTransitionTest {

    private static final String CHANNEL = "transcript";

    /** The person who would act next, and what they would type; null when only time moves the run. */
    private record Move(String user, String text) {
    }

    private static TestBots bot(FaultyEventStore store, ManualClock clock) {
        ScriptedChecks checks = new ScriptedChecks().script("www-ttl", CheckStatus.ERROR);
        return new TestBots(store, checks, List.of(TestRunbooks.hello()), clock);
    }

    private static Optional<RunEngine> run(TestBots b) {
        return b.bot.runs().active(CHANNEL);
    }

    private static Move next(TestBots b, boolean started) {
        Optional<RunEngine> r = run(b);
        if (r.isEmpty()) {
            return started ? null : new Move("alice", "start hello-cutover");
        }
        RunState s = r.get().state();
        if (s.status() == RunStatus.WATCHING) return new Move("carol", "rollback --yes \"drill\"");
        if (s.status() == RunStatus.HELD) return new Move("carol", "go --yes \"drill\"");
        Optional<Step> cur = r.get().currentStep();
        if (cur.isEmpty() || s.currentStepDone()) return new Move(null, null);
        Step st = cur.get();
        return switch (st.kind()) {
            case MANUAL -> new Move("alice", "done " + st.id());
            case VERIFY -> new Move("carol", "done " + st.id() + " --override --yes \"drill\"");
            case APPROVAL -> new Move("bob", "approve " + st.id());
            case GATE -> new Move("carol", "go --yes");
            case WAIT, NOTIFY -> new Move(null, null);
        };
    }

    /** Drives the channel's run until it ends or the store dies; returns the last command sent and its key. */
    private static String[] drive(TestBots b, boolean started, FaultyEventStore store, int[] keys) {
        String[] last = null;
        for (int i = 0; i < 60 && !store.dead(); i++) {
            Move m = next(b, started);
            if (m == null) break;
            if (m.text() == null) {
                b.scheduler.advance(Duration.ofMinutes(1));
                continue;
            }
            String key = "k" + (++keys[0]);
            last = new String[] {m.user(), m.text(), key};
            b.chat.execWithKey(m.user(), m.text(), key);
            started = true;
        }
        return last;
    }

    @Test
    void aBotKilledAtAnyWriteResumesToAStateItCanFinishFromAndAppliesNothingTwice() {
        FaultyEventStore clean = new FaultyEventStore(new InMemoryEventStore());
        TestBots whole = bot(clean, new ManualClock(TestBots.START));
        drive(whole, false, clean, new int[1]);
        String runId = clean.base().runs().get(0);
        assertEquals(RunStatus.ROLLED_BACK, RunState.replay(runId, clean.base().read(runId)).status(), whole.chat.render());
        int boundaries = clean.writes();
        assertTrue(boundaries > 20, "writes: " + boundaries);

        for (int k = 1; k <= boundaries; k++) {
            InMemoryEventStore base = new InMemoryEventStore();
            FaultyEventStore dying = new FaultyEventStore(base).killAt(k);
            ManualClock clock = new ManualClock(TestBots.START);
            TestBots first = bot(dying, clock);
            int[] keys = new int[1];
            String[] last = drive(first, false, dying, keys);
            assertTrue(dying.dead(), "kill point " + k + " not reached");

            FaultyEventStore again = new FaultyEventStore(base);
            TestBots second = bot(again, new ManualClock(clock.instant()));
            second.bot.resume();
            String where = "kill at write " + k + " of " + boundaries;
            Optional<RunEngine> resumed = run(second);
            resumed.ifPresent(r -> {
                assertNull(r.quarantine(), where);
                assertResumable(r.state(), where);
            });
            // the platform redelivers the command that was in flight: applied at most once
            if (last != null) second.chat.execWithKey(last[0], last[1], last[2]);
            keys[0] += 100;
            drive(second, !base.runs().isEmpty(), again, keys);

            if (base.runs().isEmpty()) {
                continue; // killed before the run existed: nothing to resume, nothing half-written
            }
            List<Event> log = base.read(base.runs().get(0));
            RunState end = RunState.replay(base.runs().get(0), log);
            assertEquals(RunStatus.ROLLED_BACK, end.status(), where + "\n" + second.chat.render());
            assertAppliedOnce(log, where);
            assertNotificationsQueued(base, log, where);
        }
    }

    /** What the issue's faults broke: each must hold for every prefix of the log a bot can resume from. */
    private static void assertResumable(RunState s, String where) {
        if (s.rollingBack() && !s.status().finished()) {
            assertTrue(s.current().map(PlannedStep::rollback).orElse(false), where + ": rolling back but the current step is " + s.current());
        }
        if (s.completedPhases().contains("cutover")) {
            assertNotNull(s.cutoverAt(), where + ": cutover phase complete without CUTOVER");
        }
        for (RunState.StepOverride o : s.overrides().values()) {
            assertEquals(StepStatus.DONE, s.step(o.stepId()).map(StepRecord::status).orElse(null), where + ": override shown for a step still blocked");
        }
        assertFalse(s.status() == RunStatus.WATCHING && s.cutoverAt() == null, where);
    }

    private static void assertAppliedOnce(List<Event> log, String where) {
        Map<String, Integer> keys = new HashMap<>();
        Map<String, Integer> completed = new HashMap<>();
        Map<String, Integer> approved = new HashMap<>();
        for (Event e : log) {
            if (e.idempotencyKey() != null) keys.merge(e.idempotencyKey(), 1, Integer::sum);
            var p = Payloads.read(e.payload());
            if (e.type().equals(EventTypes.STEP_COMPLETED)) completed.merge(Payloads.text(p, "step") + p.path("rollback").asBoolean(), 1, Integer::sum);
            if (e.type().equals(EventTypes.APPROVED)) approved.merge(Payloads.text(p, "step"), 1, Integer::sum);
        }
        keys.forEach((k, n) -> assertEquals(1, n, where + ": command " + k + " recorded " + n + " times"));
        completed.forEach((k, n) -> assertEquals(1, n, where + ": step " + k + " completed " + n + " times"));
        approved.forEach((k, n) -> assertEquals(1, n, where + ": " + k + " approved " + n + " times"));
        assertEquals(1, log.stream().filter(e -> e.type().equals(EventTypes.ROLLBACK_STARTED)).count(), where);
        assertEquals(1, log.stream().filter(e -> e.type().equals(EventTypes.CUTOVER)).count(), where);
    }

    /** Side effects follow committed events: every NOTIFIED event has its outbox entries, even if the kill came before the enqueue. */
    private static void assertNotificationsQueued(InMemoryEventStore base, List<Event> log, String where) {
        List<String> queued = base.outboxEntries().stream().map(OutboxEntry::dedupeKey).toList();
        for (Event e : log) {
            if (!e.type().equals(EventTypes.NOTIFIED)) continue;
            var p = Payloads.read(e.payload());
            for (int i = 0; i < p.path("sinks").size(); i++) {
                String key = Payloads.text(p, "key") + "#" + i;
                assertTrue(queued.contains(key), where + ": no outbox entry for " + key + " in " + queued);
            }
        }
    }

    @Test
    void eachMultiEventTransitionIsOneAppend() {
        FaultyEventStore store = new FaultyEventStore(new InMemoryEventStore());
        TestBots b = bot(store, new ManualClock(TestBots.START));
        drive(b, false, store, new int[1]);
        List<List<String>> batches = store.batches();
        assertTrue(batches.contains(batchWith(batches, EventTypes.ROLLBACK_STARTED)), batches.toString());
        List<String> rollback = batchWith(batches, EventTypes.ROLLBACK_STARTED);
        assertTrue(rollback.containsAll(List.of(EventTypes.COMMAND, EventTypes.NOTIFIED, EventTypes.STEP_STARTED)), rollback.toString());
        assertTrue(batchWith(batches, EventTypes.CUTOVER).contains(EventTypes.PHASE_COMPLETED), batches.toString());
        assertTrue(batchWith(batches, EventTypes.OVERRIDDEN).containsAll(List.of(EventTypes.COMMAND, EventTypes.STEP_COMPLETED)), batches.toString());
        assertTrue(batchWith(batches, EventTypes.APPROVED).contains(EventTypes.COMMAND), batches.toString());
        assertTrue(batchWith(batches, EventTypes.RUN_STARTED).contains(EventTypes.COMMAND), batches.toString());
    }

    private static List<String> batchWith(List<List<String>> batches, String type) {
        return batches.stream().filter(b -> b.contains(type)).findFirst().orElse(List.of());
    }

    @Test
    void aRollbackWhoseAppendFailsLeavesTheRunAsItWasAndCanBeOrderedAgain() {
        FaultyEventStore store = new FaultyEventStore(new InMemoryEventStore());
        TestBots b = bot(store, new ManualClock(TestBots.START));
        b.chat.say("alice", "start hello-cutover");
        b.chat.say("alice", "done lower-ttl");
        store.failWrites(store.writes() + 1, 1);
        String answer = b.chat.say("carol", "rollback --yes \"smoke\"");
        assertTrue(answer.contains("event store failed") && answer.contains("nothing was recorded"), answer);
        RunState s = run(b).orElseThrow().state();
        assertFalse(s.rollingBack(), b.chat.render());
        assertEquals("verify-ttl", s.current().map(PlannedStep::stepId).orElseThrow());
        assertTrue(b.chat.sent().stream().anyMatch(m -> m.title().equals("Event store failure")), b.chat.render());
        // the log agrees with the bot
        String runId = store.base().runs().get(0);
        assertFalse(RunState.replay(runId, store.base().read(runId)).rollingBack());

        String again = b.chat.say("carol", "rollback --yes \"smoke\"");
        assertTrue(again.contains("ROLLBACK"), again);
        assertEquals(new PlannedStep("prepare", "restore-ttl", true), s.current().orElseThrow());
        assertEquals(StepKind.MANUAL, run(b).orElseThrow().currentStep().orElseThrow().kind());
    }
}
